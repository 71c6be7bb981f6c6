package horde.result;

import horde.stats.Slice;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/** HdrHistograms as compressed base64 text, so results can be re-analysed and merged exactly. */
public final class HistogramCodec {
  private HistogramCodec() {}

  public static String encode(Histogram h) {
    return Base64.getEncoder().encodeToString(Slice.compress(h));
  }

  public static String encode(byte[] compressed) {
    return Base64.getEncoder().encodeToString(compressed);
  }

  public static Histogram decode(String base64) {
    return Slice.decompress(bytes(base64));
  }

  /** The compressed bytes of an encoded histogram, not decoded. */
  public static byte[] bytes(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
    }
  }
}
