package io.basis.engine.order;

import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.TimeInForce;

/**
 * Where the {@code TradingEngine}'s orders and cancels go: the gateway's stream when live, a recorder or a
 * simulated exchange in tests and replays. A send either takes the message (a non-negative result) or refuses it
 * for good (negative): the engine then ends the order, or leaves it working, in a known state.
 */
public interface OrderPort
{
    /**
     * @param order              the child order.
     * @param timeInForce        time in force.
     * @param programFlag        program-trading flag.
     * @param triggerTimestampNs exchange timestamp of the market data behind the decision.
     * @param listSeqNo          1-based position in the program's list, 0 if not listed.
     * @param listSize           orders in that list, 0 if not listed.
     * @return non-negative if taken, negative if it will never be sent.
     */
    long sendNewOrder(
        ChildOrder order,
        TimeInForce timeInForce,
        ProgramFlag programFlag,
        long triggerTimestampNs,
        int listSeqNo,
        int listSize);

    /**
     * @param cancelId fresh id of the cancel.
     * @param order    the order to cancel.
     * @return non-negative if taken, negative if it will never be sent.
     */
    long sendCancel(long cancelId, ChildOrder order);

    /**
     * Ask the exchange for the state of an order; the answer comes back as an order-status execution report.
     *
     * @param order the order.
     * @return non-negative if taken, negative if it will never be sent.
     */
    long sendStatusRequest(ChildOrder order);
}
