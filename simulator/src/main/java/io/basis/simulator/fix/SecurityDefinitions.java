package io.basis.simulator.fix;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.InstrumentKind;
import io.basis.simulator.refdata.ReferenceData;
import quickfix.SessionID;
import quickfix.fix44.SecurityDefinition;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Answers SecurityDefinitionRequest (c) with one SecurityDefinition (d) per instrument: the request's Symbol,
 * or every listed instrument when it has none; optionally sends every definition unasked right after a
 * market-data logon (SecurityReqID {@code logon}). Each carries TotalNumSecurities(393), the number of definitions
 * answering the request, which FIX 4.2 requires and later versions do not define ({@link VersionAdapter} removes
 * it there). Runs on the exchange thread.
 */
public final class SecurityDefinitions
{
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ReferenceData referenceData;
    private final MessageSender sender;
    private final boolean onLogon;
    private long nextResponseId = 1;

    /**
     * @param referenceData instruments.
     * @param sender        sends to a session.
     * @param onLogon       true to send every definition after each market-data logon.
     */
    public SecurityDefinitions(final ReferenceData referenceData, final MessageSender sender, final boolean onLogon)
    {
        this.referenceData = referenceData;
        this.sender = sender;
        this.onLogon = onLogon;
    }

    /**
     * A market-data session logged on: send every definition if so configured.
     *
     * @param sessionId the session.
     */
    public void onLogon(final SessionID sessionId)
    {
        if (onLogon)
        {
            onRequest(sessionId, "logon", null);
        }
    }

    /**
     * @param sessionId requesting session.
     * @param reqId     SecurityReqID(320).
     * @param symbol    Symbol(55), or null for every instrument.
     */
    public void onRequest(final SessionID sessionId, final String reqId, final String symbol)
    {
        final List<Instrument> instruments = symbol == null ? referenceData.instruments() :
            referenceData.instrument(symbol) == null ? List.of() : List.of(referenceData.instrument(symbol));
        if (instruments.isEmpty())
        {
            final SecurityDefinition unknown = new SecurityDefinition();
            unknown.setString(FixTags.SECURITY_REQ_ID, reqId);
            unknown.setString(FixTags.SECURITY_RESPONSE_ID, Long.toString(nextResponseId++));
            unknown.setInt(FixTags.SECURITY_RESPONSE_TYPE, 6);
            unknown.setInt(FixTags.TOTAL_NUM_SECURITIES, 0);
            unknown.setString(FixTags.SYMBOL, symbol);
            unknown.setString(FixTags.TEXT, "unknown symbol " + symbol);
            sender.send(unknown, sessionId);
            return;
        }
        for (final Instrument instrument : instruments)
        {
            final SecurityDefinition definition = definition(instrument, reqId);
            definition.setInt(FixTags.TOTAL_NUM_SECURITIES, instruments.size());
            sender.send(definition, sessionId);
        }
    }

    private SecurityDefinition definition(final Instrument instrument, final String reqId)
    {
        final SecurityDefinition message = new SecurityDefinition();
        message.setString(FixTags.SECURITY_REQ_ID, reqId);
        message.setString(FixTags.SECURITY_RESPONSE_ID, Long.toString(nextResponseId++));
        // 4: list of securities returned per request.
        message.setInt(FixTags.SECURITY_RESPONSE_TYPE, 4);
        message.setString(FixTags.SYMBOL, instrument.symbol());
        final boolean future = instrument.kind() == InstrumentKind.FUTURE;
        message.setString(FixTags.SECURITY_TYPE, future ? "FUT" : "CS");
        if (future && instrument.lastTradingDay() != null)
        {
            message.setString(FixTags.MATURITY_MONTH_YEAR, instrument.lastTradingDay().format(MONTH));
            message.setString(FixTags.MATURITY_DATE, instrument.lastTradingDay().format(DAY));
        }
        message.setString(FixTags.CONTRACT_MULTIPLIER, Long.toString(instrument.multiplier()));
        message.setString(FixTags.CURRENCY, instrument.currency());
        message.setString(FixTags.ROUND_LOT, Long.toString(instrument.lot()));
        // Tick at the previous close; tick tables with bands make the increment price-dependent.
        message.setString(FixTags.MIN_PRICE_INCREMENT,
            FixedPoint.format(instrument.tickTable().tickAt(instrument.prevClose())));
        return message;
    }
}
