package io.basis.gateway;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of malformed FIX 4.4 frames from an exchange (SIM) to the gateway: the messages a gateway
 * receives (8, 9, j, 3, N on order entry; W, X, f on market data) for ClOrdIDs it never sent and a symbol the engine
 * never defined, each spoiled in one of the ways a broken or hostile counterparty spoils them. The header is left
 * intact (a corrupted CompID or a too-low MsgSeqNum makes QuickFIX/J drop the session, which is not what this
 * explores), so every frame reaches QuickFIX/J's parser, validator or the gateway's translators.
 */
final class MalformedFrames
{
    /** How a frame is spoiled. */
    enum Damage
    {
        /** Random bits of the body flipped; length and checksum made to match. */
        BIT_FLIP(true),
        /** The frame cut short anywhere. */
        TRUNCATED(false),
        /** BodyLength (9) off by a little or a lot. */
        BAD_BODY_LENGTH(false),
        /** CheckSum (10) wrong. */
        BAD_CHECKSUM(false),
        /** A field of the body left out (required or not). */
        MISSING_FIELD(true),
        /** A numeric or char field holding text, an empty value, or several dots. */
        BAD_TYPE(true),
        /** A number far beyond any long. */
        HUGE_NUMBER(true),
        /** A MsgType nobody defined. */
        UNKNOWN_MSG_TYPE(true),
        /** An ExecutionReport or OrderCancelReject for a ClOrdID that is not a number. */
        NON_NUMERIC_CLORDID(true),
        /** A repeating group whose count does not match its entries, or whose entries are out of order. */
        GARBAGE_GROUP(true),
        /** Well formed, for a ClOrdID the gateway never sent (or a symbol the engine never defined). */
        UNKNOWN_ID(true);

        private final boolean consumesSeqNum;

        Damage(final boolean consumesSeqNum)
        {
            this.consumesSeqNum = consumesSeqNum;
        }

        /**
         * @return true if QuickFIX/J sees a frame with a MsgSeqNum (so the number is used up), false if it drops the
         * bytes before (bad framing or checksum).
         */
        boolean consumesSeqNum()
        {
            return consumesSeqNum;
        }
    }

    /** One spoiled frame. */
    record Frame(boolean marketData, Damage damage, String body)
    {
        /**
         * @param seqNum MsgSeqNum for the header.
         * @return the bytes to write, SOH-separated.
         */
        String render(final int seqNum, final Random random)
        {
            final String sendingTime = LocalDateTime.now(ZoneOffset.UTC).format(TIME);
            final String target = marketData ? "BASIS-MD" : "BASIS-OE";
            final String typeAndRest = body;
            final int split = typeAndRest.indexOf(SOH);
            final String msgType = typeAndRest.substring(0, split + 1);
            final String rest = typeAndRest.substring(split + 1);
            final String afterLength = msgType + "34=" + seqNum + SOH + "49=SIM" + SOH + "52=" + sendingTime + SOH +
                "56=" + target + SOH + rest;
            int bodyLength = afterLength.getBytes(StandardCharsets.ISO_8859_1).length;
            if (damage == Damage.BAD_BODY_LENGTH)
            {
                bodyLength += random.nextBoolean() ? 1 + random.nextInt(3) : -(1 + random.nextInt(Math.max(1,
                    Math.min(bodyLength - 1, 40))));
            }
            final String head = "8=FIX.4.4" + SOH + "9=" + bodyLength + SOH + afterLength;
            int checksum = checksum(head);
            if (damage == Damage.BAD_CHECKSUM)
            {
                checksum = (checksum + 1 + random.nextInt(254)) % 256;
            }
            final String frame = head + "10=" + String.format("%03d", checksum) + SOH;
            if (damage == Damage.TRUNCATED)
            {
                return frame.substring(0, 1 + random.nextInt(frame.length() - 1));
            }
            return frame;
        }
    }

    static final char SOH = '\u0001';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");
    private static final String[] BAD_VALUES = { "abc", "", "1.2.3", "-", "NaN", "0x1F", "  ", "1e5", "--3" };
    private static final String[] HUGE = { "99999999999999999999999999", "1e308", "-99999999999999999999",
        "9223372036854775808", "0.000000000000000000000000001" };

    private final Random random;
    private int nextId = 1;

    /**
     * @param seed the generator's seed: the same seed, the same frames.
     */
    MalformedFrames(final long seed)
    {
        this.random = new Random(seed);
    }

    /**
     * @param count how many.
     * @return that many frames, every {@link Damage} represented, order entry and market data mixed.
     */
    List<Frame> generate(final int count)
    {
        final List<Frame> frames = new ArrayList<>(count);
        final Damage[] damages = Damage.values();
        for (int i = 0; i < count; i++)
        {
            frames.add(frame(damages[i % damages.length]));
        }
        return frames;
    }

    private Frame frame(final Damage damage)
    {
        final boolean marketData = random.nextInt(3) == 0 && damage != Damage.NON_NUMERIC_CLORDID;
        final List<String[]> fields = marketData ? marketData() : orderEntry(damage == Damage.NON_NUMERIC_CLORDID);
        switch (damage)
        {
            case BIT_FLIP ->
            {
                return new Frame(marketData, damage, flipBits(join(fields)));
            }
            case MISSING_FIELD -> fields.remove(1 + random.nextInt(fields.size() - 1));
            case BAD_TYPE -> replaceValue(fields, BAD_VALUES[random.nextInt(BAD_VALUES.length)]);
            case HUGE_NUMBER -> replaceValue(fields, HUGE[random.nextInt(HUGE.length)]);
            case UNKNOWN_MSG_TYPE -> fields.get(0)[1] = new String[]{ "ZZ", "U7", "zz", "AA9", "Q" }[random.nextInt(5)];
            case GARBAGE_GROUP -> garbleGroup(fields);
            default ->
            {
            }
        }
        return new Frame(marketData, damage, join(fields));
    }

    private List<String[]> orderEntry(final boolean nonNumeric)
    {
        final String clOrdId = nonNumeric ? "ABC-" + nextId++ : Long.toString(90_000_000L + nextId++);
        return switch (random.nextInt(6))
        {
            case 0, 1, 2 -> fields("35", "8", "37", "EX-" + clOrdId, "17", "E" + nextId, "11", clOrdId,
                "150", pick("0", "F", "4", "8", "I"), "39", pick("0", "1", "2", "4", "8"), "55", "FUZ", "54", "1",
                "38", "10", "44", "71000", "32", "5", "31", "71000", "151", "5", "14", "5", "6", "71000");
            case 3 -> fields("35", "9", "37", "EX-" + clOrdId, "11", Long.toString(91_000_000L + nextId), "41",
                clOrdId, "39", "8", "434", "1", "102", "1");
            case 4 -> fields("35", "j", "45", Integer.toString(1 + random.nextInt(50)), "372", pick("D", "F", "H", "E"),
                "379", clOrdId, "380", "0", "58", "fuzz");
            default -> fields("35", "3", "45", Integer.toString(1 + random.nextInt(50)), "373",
                Integer.toString(random.nextInt(12)), "58", "fuzz");
        };
    }

    private List<String[]> marketData()
    {
        return switch (random.nextInt(3))
        {
            case 0 -> fields("35", "W", "262", "BASIS-1", "55", "FUZ", "83", "5", "268", "2",
                "269", "0", "270", "100", "271", "5", "290", "1", "269", "1", "270", "101", "271", "5", "290", "1");
            case 1 -> fields("35", "X", "262", "BASIS-1", "83", "6", "268", "2",
                "279", "1", "269", "0", "55", "FUZ", "270", "100", "271", "3", "290", "1",
                "279", "0", "269", "2", "55", "FUZ", "270", "100.5", "271", "7");
            default -> fields("35", "f", "324", "BASIS-2", "55", "FUZ", "326", pick("2", "17", "21", "999"));
        };
    }

    private String pick(final String... values)
    {
        return values[random.nextInt(values.length)];
    }

    private void replaceValue(final List<String[]> fields, final String value)
    {
        fields.get(1 + random.nextInt(fields.size() - 1))[1] = value;
    }

    private void garbleGroup(final List<String[]> fields)
    {
        for (final String[] field : fields)
        {
            if ("268".equals(field[0]))
            {
                field[1] = pick("7", "0", "-1", "abc", "99999");
                return;
            }
        }
        // No group in this message: graft a market-data group onto it, out of place.
        fields.add(new String[]{ "268", pick("3", "1") });
        fields.add(new String[]{ "270", "1" });
        fields.add(new String[]{ "269", "0" });
    }

    private String flipBits(final String body)
    {
        final byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        // Leave MsgType alone: that damage has its own kind.
        final int from = body.indexOf(SOH) + 1;
        final int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips && from < bytes.length; i++)
        {
            final int at = from + random.nextInt(bytes.length - from);
            bytes[at] ^= (byte)(1 << random.nextInt(8));
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<String[]> fields(final String... tagValues)
    {
        final List<String[]> fields = new ArrayList<>();
        for (int i = 0; i < tagValues.length; i += 2)
        {
            fields.add(new String[]{ tagValues[i], tagValues[i + 1] });
        }
        return fields;
    }

    private static String join(final List<String[]> fields)
    {
        final StringBuilder body = new StringBuilder();
        for (final String[] field : fields)
        {
            body.append(field[0]).append('=').append(field[1]).append(SOH);
        }
        return body.toString();
    }

    private static int checksum(final String text)
    {
        int sum = 0;
        for (final byte b : text.getBytes(StandardCharsets.ISO_8859_1))
        {
            sum += b & 0xFF;
        }
        return sum % 256;
    }
}
