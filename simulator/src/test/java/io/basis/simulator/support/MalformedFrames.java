package io.basis.simulator.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * A seeded generator of malformed FIX frames for one client session, built on orders and requests that would be
 * valid (an order for a listed symbol at a price on the grid), so that a frame the exchange wrongly accepted would
 * show up as a booked order. Every frame is broken in one way the session layer or the exchange must refuse.
 */
public final class MalformedFrames
{
    /** How a frame is broken. */
    public enum Malformation
    {
        /** One bit of a valid frame flipped: the checksum no longer matches (or the framing breaks). */
        BIT_FLIP,
        /** A valid frame cut short; the next frame follows at once. */
        TRUNCATED,
        /** BodyLength(9) wrong, negative, not a number or huge. */
        BAD_BODY_LENGTH,
        /** CheckSum(10) wrong, not a number or missing. */
        BAD_CHECKSUM,
        /** A field the dictionary or the exchange requires left out. */
        MISSING_REQUIRED_FIELD,
        /** A value of the wrong type or outside its enumeration, or an empty value. */
        WRONG_TYPE,
        /** Numbers beyond any int, long or the exchange's limits. */
        HUGE_NUMBER,
        /** A MsgType nobody defines. */
        UNKNOWN_MSG_TYPE,
        /** Repeating groups with wrong counts, negative counts, fields out of order or no delimiter. */
        BAD_GROUP,
        /** Bytes that are not FIX at all. */
        GARBAGE
    }

    /**
     * One frame.
     *
     * @param malformation how it is broken.
     * @param bytes        what goes on the wire.
     * @param sequenced    true if the session layer still reads its MsgSeqNum (well framed), so the client's next
     *                     sequence number moves on.
     */
    public record Frame(Malformation malformation, byte[] bytes, boolean sequenced)
    {
    }

    private static final char SOH = '\u0001';
    private static final DateTimeFormatter SENDING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");
    private static final Malformation[] MALFORMATIONS = Malformation.values();

    private final Random random;
    private final String beginString;
    private final String senderCompId;
    private final String targetCompId;
    private final boolean orderEntry;
    /** Unique across generators, so an order the exchange wrongly booked names the one frame it came from. */
    private static final AtomicLong CL_ORD_IDS = new AtomicLong();

    /**
     * @param random       the seeded source of every choice.
     * @param beginString  FIX.4.2, FIX.4.4 or FIXT.1.1.
     * @param senderCompId the client's CompID.
     * @param targetCompId the exchange's CompID.
     * @param orderEntry   true for an order-entry session (orders and lists), false for market data (requests).
     */
    public MalformedFrames(
        final Random random, final String beginString, final String senderCompId, final String targetCompId,
        final boolean orderEntry)
    {
        this.random = random;
        this.beginString = beginString;
        this.senderCompId = senderCompId;
        this.targetCompId = targetCompId;
        this.orderEntry = orderEntry;
    }

    /**
     * @param seqNum MsgSeqNum(34).
     * @return a valid Logon that resets sequence numbers.
     */
    public byte[] logon(final int seqNum)
    {
        final String applVerId = "FIXT.1.1".equals(beginString) ? "1137=9" + SOH : "";
        return frame(header("A", seqNum) + "98=0" + SOH + "108=30" + SOH + "141=Y" + SOH + applVerId)
            .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param seqNum MsgSeqNum(34) of a valid Logout.
     * @return the Logout.
     */
    public byte[] logout(final int seqNum)
    {
        return frame(header("5", seqNum)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param seqNum the session's next MsgSeqNum.
     * @return one malformed frame.
     */
    public Frame next(final int seqNum)
    {
        final Malformation malformation = MALFORMATIONS[random.nextInt(MALFORMATIONS.length)];
        return switch (malformation)
        {
            case BIT_FLIP -> new Frame(malformation, bitFlip(frame(header(validType(), seqNum) + validBody())), false);
            case TRUNCATED -> truncated(seqNum);
            case BAD_BODY_LENGTH -> new Frame(malformation, bytes(badBodyLength(seqNum)), false);
            case BAD_CHECKSUM -> new Frame(malformation, bytes(badChecksum(seqNum)), false);
            case MISSING_REQUIRED_FIELD -> new Frame(malformation, bytes(missingField(seqNum)), true);
            case WRONG_TYPE -> new Frame(malformation, bytes(frame(header(validType(), seqNum) +
                replace(validBody(), pick(orderEntry ? ORDER_WRONG_TYPES : REQUEST_WRONG_TYPES)))), true);
            case HUGE_NUMBER -> new Frame(malformation, bytes(frame(header(validType(), seqNum) +
                replace(validBody(), pick(orderEntry ? ORDER_HUGE_NUMBERS : REQUEST_HUGE_NUMBERS)))), true);
            case UNKNOWN_MSG_TYPE -> new Frame(malformation,
                bytes(frame(header(pick(UNKNOWN_TYPES), seqNum) + validBody())), true);
            case BAD_GROUP -> new Frame(malformation, bytes(badGroup(seqNum)), true);
            case GARBAGE -> new Frame(malformation, garbage(), false);
        };
    }

    /**
     * @return bytes that are not a FIX frame.
     */
    public byte[] garbage()
    {
        final int kind = random.nextInt(3);
        final byte[] bytes = new byte[1 + random.nextInt(kind == 0 ? 64 : 512)];
        if (kind == 0)
        {
            random.nextBytes(bytes);
            return bytes;
        }
        // Printable tag=value soup with SOH, sometimes starting like a frame, never ending like one.
        final StringBuilder soup = new StringBuilder(kind == 1 ? "8=" + beginString + SOH : "");
        while (soup.length() < bytes.length)
        {
            soup.append(random.nextInt(1000)).append('=').append(Long.toString(random.nextLong(), 36)).append(SOH);
        }
        return bytes(soup.toString());
    }

    private String validType()
    {
        return orderEntry ? (random.nextInt(4) == 0 ? "E" : "D") : "V";
    }

    private String validBody()
    {
        if (!orderEntry)
        {
            return "262=fz" + CL_ORD_IDS.getAndIncrement() + SOH + "263=1" + SOH + "264=0" + SOH + "265=1" + SOH +
                "267=2" + SOH + "269=0" + SOH + "269=1" + SOH + "146=1" + SOH + "55=AAA" + SOH;
        }
        final long id = CL_ORD_IDS.getAndIncrement();
        if (random.nextInt(4) == 0)
        {
            return "66=L" + id + SOH + "68=1" + SOH + "394=3" + SOH + "73=1" + SOH + leg(id);
        }
        // A buy above the best offer: booked and filled at once if the exchange took it.
        return "11=F" + id + SOH + "21=1" + SOH + "38=1" + SOH + "40=2" + SOH + "44=80000" + SOH + "54=1" + SOH +
            "55=AAA" + SOH + "59=0" + SOH + "60=" + now() + SOH;
    }

    private static String leg(final long id)
    {
        return "11=G" + id + SOH + "67=1" + SOH + "55=AAA" + SOH + "54=1" + SOH + "38=1" + SOH + "40=2" + SOH +
            "44=80000" + SOH;
    }

    private static final String[][] ORDER_WRONG_TYPES =
    {
        {"38=1", "38=abc"}, {"44=80000", "44=8.0.0"}, {"54=1", "54=Z"}, {"40=2", "40=?"}, {"59=0", "59=X"},
        {"38=1", "38="}, {"55=AAA", "55="}, {"44=80000", "44=-80000"}, {"38=1", "38=-1"}, {"38=1", "38=0"},
        {"68=1", "68=x"}, {"73=1", "73=one"}, {"67=1", "67=1.5"}, {"60=", "60=yesterday"}
    };
    private static final String[][] REQUEST_WRONG_TYPES =
    {
        {"263=1", "263=Q"}, {"264=0", "264=deep"}, {"265=1", "265=7"}, {"269=0", "269=?"}, {"146=1", "146=x"},
        {"262=", "262=" + SOH}, {"55=AAA", "55="}
    };
    private static final String[][] ORDER_HUGE_NUMBERS =
    {
        {"38=1", "38=99999999999999999999999999999999"}, {"44=80000", "44=1" + "0".repeat(400)},
        {"44=80000", "44=0.00000000000000000000000001"}, {"38=1", "38=2147483648"}, {"38=1", "38=1E308"},
        {"73=1", "73=2147483647"}, {"68=1", "68=9223372036854775808"}, {"67=1", "67=-2147483649"}
    };
    private static final String[][] REQUEST_HUGE_NUMBERS =
    {
        {"264=0", "264=99999999999999999999"}, {"146=1", "146=2147483647"}, {"267=2", "267=-2147483648"},
        {"264=0", "264=-1"}
    };
    private static final String[] UNKNOWN_TYPES = {"ZZ", "U1", "XYZ123", "", "\u00ff", "AA", "0A", "35=D"};
    private static final int[] ORDER_REQUIRED = {11, 54, 55, 40, 38, 44, 60};
    private static final int[] REQUEST_REQUIRED = {262, 263, 267, 146};
    private static final int[] HEADER_REQUIRED = {35, 49, 56, 34, 52};

    private Frame truncated(final int seqNum)
    {
        final byte[] whole = bytes(frame(header(validType(), seqNum) + validBody()));
        final byte[] cut = new byte[1 + random.nextInt(whole.length - 1)];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        return new Frame(Malformation.TRUNCATED, cut, false);
    }

    private String badBodyLength(final int seqNum)
    {
        final String body = header(validType(), seqNum) + validBody();
        final String length = pick(List.of(Integer.toString(body.length() + 1 + random.nextInt(20)),
            Integer.toString(Math.max(0, body.length() - 1 - random.nextInt(20))), "-5", "abc", "",
            "99999999999999999999", "2147483647"));
        final String head = "8=" + beginString + SOH + "9=" + length + SOH;
        return head + body + "10=" + checksum(head + body) + SOH;
    }

    private String badChecksum(final int seqNum)
    {
        final String whole = frame(header(validType(), seqNum) + validBody());
        final String withoutChecksum = whole.substring(0, whole.lastIndexOf("10="));
        final int right = Integer.parseInt(whole.substring(whole.lastIndexOf("10=") + 3, whole.length() - 1));
        return withoutChecksum + pick(List.of("10=" + String.format("%03d", (right + 1 + random.nextInt(255)) % 256) +
            SOH, "10=abc" + SOH, "10=" + SOH, "10=1000" + SOH, "", "10=-1" + SOH));
    }

    private String missingField(final int seqNum)
    {
        final String whole = header(validType(), seqNum) + validBody();
        final int[] required = random.nextInt(4) == 0 ? HEADER_REQUIRED : orderEntry ? ORDER_REQUIRED :
            REQUEST_REQUIRED;
        int tag = required[random.nextInt(required.length)];
        while (!(SOH + whole).contains(SOH + Integer.toString(tag) + "="))
        {
            tag = required[random.nextInt(required.length)];
        }
        return frame(removeTag(whole, tag));
    }

    private String badGroup(final int seqNum)
    {
        if (!orderEntry)
        {
            final String body = pick(List.of(
                "262=g" + seqNum + SOH + "263=1" + SOH + "264=0" + SOH + "267=1" + SOH + "269=0" + SOH + "146=3" +
                    SOH + "55=AAA" + SOH,
                "262=g" + seqNum + SOH + "263=1" + SOH + "264=0" + SOH + "267=1" + SOH + "269=0" + SOH + "146=1" +
                    SOH + "55=AAA" + SOH + "55=LOT" + SOH + "55=FUT" + SOH,
                "262=g" + seqNum + SOH + "263=1" + SOH + "267=1" + SOH + "146=1" + SOH + "269=0" + SOH + "55=AAA" +
                    SOH,
                "262=g" + seqNum + SOH + "263=1" + SOH + "267=0" + SOH + "269=0" + SOH + "146=0" + SOH + "55=AAA" +
                    SOH));
            return frame(header("V", seqNum) + body);
        }
        final long id = CL_ORD_IDS.getAndIncrement();
        final String body = pick(List.of(
            // Count says three, one entry follows.
            "66=L" + id + SOH + "68=3" + SOH + "394=3" + SOH + "73=3" + SOH + leg(id),
            // One entry announced, two follow.
            "66=L" + id + SOH + "68=1" + SOH + "394=3" + SOH + "73=1" + SOH + leg(id) + leg(id + 1),
            // The entry's fields out of the dictionary's order (delimiter not first).
            "66=L" + id + SOH + "68=1" + SOH + "394=3" + SOH + "73=1" + SOH + "55=AAA" + SOH + "11=G" + id + SOH +
                "67=1" + SOH + "54=1" + SOH + "38=1" + SOH + "40=2" + SOH + "44=80000" + SOH,
            // A negative count.
            "66=L" + id + SOH + "68=1" + SOH + "394=3" + SOH + "73=-1" + SOH + leg(id),
            // Group fields without their count.
            "66=L" + id + SOH + "68=1" + SOH + "394=3" + SOH + leg(id)));
        return frame(header("E", seqNum) + body);
    }

    private byte[] bitFlip(final String whole)
    {
        final byte[] bytes = bytes(whole);
        final int sum = sum(bytes, bytes.length);
        final int index = random.nextInt(bytes.length);
        bytes[index] ^= (byte)(1 << random.nextInt(8));
        // One flipped bit changes the byte sum by a power of two, so the stated checksum can never match again.
        if (sum(bytes, bytes.length) == sum)
        {
            throw new AssertionError("a bit flip left the byte sum unchanged");
        }
        return bytes;
    }

    private String header(final String msgType, final int seqNum)
    {
        return "35=" + msgType + SOH + "49=" + senderCompId + SOH + "56=" + targetCompId + SOH + "34=" + seqNum +
            SOH + "52=" + now() + SOH;
    }

    private String frame(final String body)
    {
        final String head = "8=" + beginString + SOH + "9=" + body.length() + SOH;
        return head + body + "10=" + checksum(head + body) + SOH;
    }

    private static String checksum(final String text)
    {
        final byte[] bytes = bytes(text);
        return String.format("%03d", sum(bytes, bytes.length) % 256);
    }

    private static int sum(final byte[] bytes, final int length)
    {
        int sum = 0;
        for (int i = 0; i < length; i++)
        {
            sum += bytes[i] & 0xff;
        }
        return sum;
    }

    private String replace(final String body, final String[] change)
    {
        final String replaced;
        if (change[0].equals("60=") || change[0].equals("262="))
        {
            replaced = body.replaceFirst("(^|\u0001)" + change[0] + "[^\u0001]*\u0001",
                "$1" + Matcher.quoteReplacement(change[1].endsWith(String.valueOf(SOH)) ?
                    change[1] : change[1] + SOH));
        }
        else
        {
            replaced = (SOH + body).replace(SOH + change[0] + SOH, SOH + change[1] + SOH).substring(1);
        }
        if (!replaced.equals(body))
        {
            return replaced;
        }
        // The body has no such field (an order where a list was chosen): break its quantity or request type.
        final String fallback = body.replace("38=1" + SOH, "38=abc" + SOH).replace("263=1" + SOH, "263=Q" + SOH);
        if (fallback.equals(body))
        {
            throw new AssertionError("nothing to break in " + body);
        }
        return fallback;
    }

    private static String removeTag(final String body, final int tag)
    {
        final String field = "\u0001" + tag + "=";
        final String removed = (SOH + body).replaceAll(field + "[^\u0001]*", "").substring(1);
        if (removed.equals(body))
        {
            throw new AssertionError("no tag " + tag + " to remove from " + body);
        }
        return removed;
    }

    private <T> T pick(final List<T> choices)
    {
        return choices.get(random.nextInt(choices.size()));
    }

    private <T> T pick(final T[] choices)
    {
        return choices[random.nextInt(choices.length)];
    }

    private static String now()
    {
        return SENDING_TIME.format(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
