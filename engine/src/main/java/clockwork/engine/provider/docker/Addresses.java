package clockwork.engine.provider.docker;

import java.util.regex.Pattern;

/** IPv4 addresses and subnets as networks and containers are given them. */
final class Addresses {
  private static final Pattern ADDRESS =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

  private Addresses() {}

  /** Whether the text is an IPv4 address, such as {@code 172.28.0.10}. */
  static boolean isAddress(String text) {
    return ADDRESS.matcher(text).matches();
  }

  /** Whether the text is an IPv4 subnet in CIDR, such as {@code 172.28.0.0/16}. */
  static boolean isSubnet(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || !isAddress(text.substring(0, slash))) return false;
    String bits = text.substring(slash + 1);
    return bits.matches("\\d{1,2}") && Integer.parseInt(bits) <= 32;
  }

  /** Whether an address lies in a subnet; false when either is malformed. */
  static boolean inSubnet(String address, String subnet) {
    if (!isAddress(address) || !isSubnet(subnet)) return false;
    int slash = subnet.indexOf('/');
    int bits = Integer.parseInt(subnet.substring(slash + 1));
    long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
    return (value(address) & mask) == (value(subnet.substring(0, slash)) & mask);
  }

  private static long value(String address) {
    long value = 0;
    for (String part : address.split("\\.")) value = value << 8 | Integer.parseInt(part);
    return value;
  }
}
