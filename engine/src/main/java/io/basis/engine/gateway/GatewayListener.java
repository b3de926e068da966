package io.basis.engine.gateway;

import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.TradeDecoder;

/**
 * Receives gateway-to-engine messages as flyweights, valid only for the duration of the call.
 */
public interface GatewayListener
{
    /**
     * @param update levels of one book that changed.
     */
    void onBookUpdate(BookUpdateDecoder update);

    /**
     * @param trade a trade on the exchange.
     */
    void onTrade(TradeDecoder trade);

    /**
     * @param report an execution report.
     */
    void onExecutionReport(ExecutionReportDecoder report);

    /**
     * @param reject an order the gateway could not send.
     */
    void onOrderReject(OrderRejectDecoder reject);

    /**
     * @param reject a cancel the exchange refused.
     */
    void onCancelReject(CancelRejectDecoder reject);

    /**
     * @param status an instrument's trading phase or the sidecar changed.
     */
    void onInstrumentStatus(InstrumentStatusDecoder status);

    /**
     * @param status a FIX session went up or down.
     */
    void onSessionStatus(SessionStatusDecoder status);
}
