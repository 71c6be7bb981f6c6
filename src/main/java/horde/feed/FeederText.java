package horde.feed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A feeder file's text: UTF-8, without the byte-order mark Excel writes ("CSV UTF-8"); UTF-16 when
 * a byte-order mark says so. Bytes that are not UTF-8 are an error that names the line and column
 * and says how to convert the file, never a replacement character in a request.
 */
final class FeederText {
  private FeederText() {}

  static String read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (starts(bytes, 0xEF, 0xBB, 0xBF)) return decode(bytes, 3, StandardCharsets.UTF_8);
    if (starts(bytes, 0xFF, 0xFE)) return decode(bytes, 2, StandardCharsets.UTF_16LE);
    if (starts(bytes, 0xFE, 0xFF)) return decode(bytes, 2, StandardCharsets.UTF_16BE);
    return decode(bytes, 0, StandardCharsets.UTF_8);
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
    return true;
  }

  private static String decode(byte[] bytes, int from, Charset charset) throws IOException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) result = decoder.flush(out);
    if (result.isError()) throw notText(bytes, in.position(), out.flip(), charset);
    return out.flip().toString();
  }

  /** Where decoding stopped, in the words a user needs to fix the file. */
  private static IOException notText(byte[] bytes, int at, CharBuffer before, Charset charset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.limit(); i++) {
      char c = before.get(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    String where = String.format("line %d, column %d: byte 0x%02X", line, column, bytes[at] & 0xFF);
    if (charset != StandardCharsets.UTF_8)
      return new IOException(where + " is not " + charset.name() + " text, though the file starts with its byte-order mark");
    return new IOException(where + " is not UTF-8. Feeder files are read as UTF-8; this one is probably Latin-1 or"
        + " Windows-1252 (Excel's plain \"CSV\" format). Save it as \"CSV UTF-8\", or convert it:"
        + " iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv");
  }
}
