package io.basis.simulator.matching;

import io.basis.simulator.refdata.Instrument;

/**
 * A market-wide gate on client orders that passed validation: trading phase, sidecar, injected rejects.
 * Consulted on the exchange thread for orders with an owner (internal liquidity is not gated).
 */
@FunctionalInterface
public interface OrderAdmission
{
    /** Admits everything. */
    OrderAdmission OPEN = (request, instrument) -> null;

    /**
     * @param request    the validated order.
     * @param instrument its instrument.
     * @return why it is refused, or null to admit it.
     */
    Refusal refuse(OrderRequest request, Instrument instrument);

    /**
     * @param next consulted when this gate admits.
     * @return a gate refusing what either refuses, this one first.
     */
    default OrderAdmission andThen(final OrderAdmission next)
    {
        return (request, instrument) ->
        {
            final Refusal refusal = refuse(request, instrument);
            return refusal != null ? refusal : next.refuse(request, instrument);
        };
    }

    /**
     * Why an order is refused.
     *
     * @param reason FIX reason.
     * @param text   human-readable detail.
     */
    record Refusal(RejectReason reason, String text)
    {
    }
}
