package io.basis.engine.gateway;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

/**
 * Decodes gateway-to-engine fragments into reused flyweights and dispatches them. Messages of another schema or
 * an unknown template are counted, never thrown on. Single-threaded, garbage-free.
 */
public final class GatewayMessageHandler implements FragmentHandler
{
    private final GatewayListener listener;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final OrderRejectDecoder orderReject = new OrderRejectDecoder();
    private final CancelRejectDecoder cancelReject = new CancelRejectDecoder();
    private final SessionStatusDecoder sessionStatus = new SessionStatusDecoder();
    private final InstrumentStatusDecoder instrumentStatus = new InstrumentStatusDecoder();
    private long unknownMessages;

    /**
     * @param listener receiver of decoded messages.
     */
    public GatewayMessageHandler(final GatewayListener listener)
    {
        this.listener = listener;
    }

    /**
     * @param header a message's header, wrapped.
     * @return true if it is one of the messages the gateway sends the engine, of this schema.
     */
    public static boolean isGatewayMessage(final MessageHeaderDecoder header)
    {
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return false;
        }
        switch (header.templateId())
        {
            case BookUpdateDecoder.TEMPLATE_ID:
            case TradeDecoder.TEMPLATE_ID:
            case ExecutionReportDecoder.TEMPLATE_ID:
            case OrderRejectDecoder.TEMPLATE_ID:
            case CancelRejectDecoder.TEMPLATE_ID:
            case SessionStatusDecoder.TEMPLATE_ID:
            case InstrumentStatusDecoder.TEMPLATE_ID:
                return true;
            default:
                return false;
        }
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header ignored)
    {
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            unknownMessages++;
            return;
        }
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                listener.onBookUpdate(bookUpdate.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case TradeDecoder.TEMPLATE_ID:
                listener.onTrade(trade.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case ExecutionReportDecoder.TEMPLATE_ID:
                listener.onExecutionReport(executionReport.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case OrderRejectDecoder.TEMPLATE_ID:
                listener.onOrderReject(orderReject.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case CancelRejectDecoder.TEMPLATE_ID:
                listener.onCancelReject(cancelReject.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case SessionStatusDecoder.TEMPLATE_ID:
                listener.onSessionStatus(sessionStatus.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case InstrumentStatusDecoder.TEMPLATE_ID:
                listener.onInstrumentStatus(instrumentStatus.wrap(buffer, bodyOffset, blockLength, version));
                break;
            default:
                unknownMessages++;
        }
    }

    /**
     * @return fragments of another schema or an unknown template.
     */
    public long unknownMessages()
    {
        return unknownMessages;
    }
}
