package io.basis.gateway.session;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.basis.protocol.Prices;
import quickfix.FieldMap;
import quickfix.FieldNotFound;

/**
 * Parsing of FIX field text into Basis numbers. FIX prices and quantities are decimal text; parsing the text
 * rather than QuickFIX/J's doubles keeps prices exact. Every method throws {@link IllegalArgumentException} (or
 * {@link FieldNotFound}) on bad input; the translators turn that into an alarm.
 */
public final class FixFields
{
    /** User-defined tag: exchange send time, host monotonic nanoseconds, on W and X. */
    public static final int EXCHANGE_SEND_NANOS = 21001;
    /** User-defined tag: ExchangeSendNanos of the market data that triggered an order, on D. */
    public static final int TRIGGER_NANOS = 21002;

    private FixFields()
    {
    }

    /**
     * A required price with at most four decimals, e.g. MDEntryPx.
     */
    public static long price(final FieldMap fields, final int tag) throws FieldNotFound
    {
        return Prices.parse(fields.getString(tag));
    }

    /**
     * An optional price that may carry more decimals than Basis keeps (AvgPx): rounded half-even; 0 if absent.
     */
    public static long roundedPrice(final FieldMap fields, final int tag) throws FieldNotFound
    {
        if (!fields.isSetField(tag))
        {
            return 0;
        }
        final String text = fields.getString(tag);
        try
        {
            return Prices.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            return new BigDecimal(text).movePointRight(4).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }

    /**
     * A required whole quantity; accepts "100" and "100.0" but not "100.5".
     */
    public static long quantity(final FieldMap fields, final int tag) throws FieldNotFound
    {
        final String text = fields.getString(tag);
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            // Rare path: some counterparties format Qty as a decimal.
            return new BigDecimal(text).stripTrailingZeros().longValueExact();
        }
    }

    /**
     * An optional whole quantity, 0 if absent.
     */
    public static long optionalQuantity(final FieldMap fields, final int tag) throws FieldNotFound
    {
        return fields.isSetField(tag) ? quantity(fields, tag) : 0;
    }

    /**
     * An optional long, 0 if absent.
     */
    public static long optionalLong(final FieldMap fields, final int tag) throws FieldNotFound
    {
        return fields.isSetField(tag) ? Long.parseLong(fields.getString(tag)) : 0;
    }

    /**
     * An engine order id from ClOrdID or OrigClOrdID text.
     *
     * @return the id, or {@link Long#MIN_VALUE} if the text is not a non-negative decimal long.
     */
    public static long orderId(final String text)
    {
        final int length = text.length();
        if (length == 0 || length > 19)
        {
            return Long.MIN_VALUE;
        }
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return Long.MIN_VALUE;
            }
        }
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return Long.MIN_VALUE;
        }
    }
}
