package horde.cluster;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.auth.AuthToken;
import org.jgroups.util.UUID;

/**
 * JGroups AUTH with a shared secret that never crosses the wire: a joining member sends an
 * HMAC-SHA256 of its own address and the time, keyed with the secret; the member that admits it
 * computes the same and compares. A token is good for {@link #WINDOW_MILLIS} either way, and only
 * for the address that made it. JGroups makes the received token with the no-argument constructor;
 * only the local one holds a secret.
 */
public final class SecretToken extends AuthToken {
  /** How far a token's clock may be from the admitting member's (milliseconds). */
  static final long WINDOW_MILLIS = 5 * 60_000;
  private static final int MAC_BYTES = 32;

  private final byte[] secret;
  private long millis;
  private byte[] mac = new byte[0];

  /** For JGroups: a token read from the wire. */
  public SecretToken() {
    this.secret = null;
  }

  SecretToken(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String getName() {
    return getClass().getName();
  }

  @Override
  public int size() {
    return Long.BYTES + Integer.BYTES + MAC_BYTES;
  }

  @Override
  public boolean authenticate(AuthToken token, Message msg) {
    if (!(token instanceof SecretToken other) || secret == null || msg.getSrc() == null) return false;
    if (Math.abs(System.currentTimeMillis() - other.millis) > WINDOW_MILLIS) return false;
    return MessageDigest.isEqual(mac(secret, msg.getSrc(), other.millis), other.mac);
  }

  /** Writes a token for this member, now. */
  @Override
  public void writeTo(DataOutput out) throws IOException {
    long now = System.currentTimeMillis();
    byte[] m = secret == null || auth == null ? new byte[0] : mac(secret, auth.getAddress(), now);
    out.writeLong(now);
    out.writeInt(m.length);
    out.write(m);
  }

  @Override
  public void readFrom(DataInput in) throws IOException {
    millis = in.readLong();
    int n = in.readInt();
    if (n < 0 || n > MAC_BYTES) throw new IOException("not a Horde cluster token");
    mac = new byte[n];
    in.readFully(mac);
  }

  private static byte[] mac(byte[] secret, Address member, long millis) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
      // the raw id: a member's logical name may not be known yet where the token is checked
      String id = member instanceof UUID u ? u.toStringLong() : String.valueOf(member);
      hmac.update(id.getBytes(StandardCharsets.UTF_8));
      hmac.update(Long.toString(millis).getBytes(StandardCharsets.UTF_8));
      return hmac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
