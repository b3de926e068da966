package io.basis.engine.order;

/**
 * Told when a leg cancelled for repricing has been confirmed cancelled with quantity left, so that the rest can be
 * sent again at a new price. Called on the engine thread, before the program's completion is judged.
 */
@FunctionalInterface
public interface RepriceListener
{
    /**
     * @param order the cancelled leg; its {@code quantity() − cumQty()} is what is left to send.
     */
    void onRepriceReady(ChildOrder order);
}
