package io.basis.engine.journal;

import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.EngineStartedDecoder;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.OrderStatusRequestDecoder;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.StartOfDayPositionDecoder;
import io.basis.protocol.sbe.TimerEventDecoder;
import io.basis.protocol.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

/**
 * The messages a journal holds, told in words for people (replay differences, audits). Allocates: tools only.
 */
final class JournalEntries
{
    private JournalEntries()
    {
    }

    /**
     * @param buffer holding the entry.
     * @param offset of the entry.
     * @param header the entry's header, wrapped.
     * @return the message with its fields, or null for a template a journal does not hold.
     */
    static String describe(final DirectBuffer buffer, final int offset, final MessageHeaderDecoder header)
    {
        switch (header.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                return new NewOrderDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case CancelOrderDecoder.TEMPLATE_ID:
                return new CancelOrderDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case BookUpdateDecoder.TEMPLATE_ID:
                return new BookUpdateDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case TradeDecoder.TEMPLATE_ID:
                return new TradeDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case ExecutionReportDecoder.TEMPLATE_ID:
                return new ExecutionReportDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case OrderRejectDecoder.TEMPLATE_ID:
                return new OrderRejectDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case CancelRejectDecoder.TEMPLATE_ID:
                return new CancelRejectDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case SessionStatusDecoder.TEMPLATE_ID:
                return new SessionStatusDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case InstrumentStatusDecoder.TEMPLATE_ID:
                return new InstrumentStatusDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case AdminCommandDecoder.TEMPLATE_ID:
                return new AdminCommandDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case TimerEventDecoder.TEMPLATE_ID:
                return new TimerEventDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case EngineStartedDecoder.TEMPLATE_ID:
                return new EngineStartedDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                return new OrderStatusRequestDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            case StartOfDayPositionDecoder.TEMPLATE_ID:
                return new StartOfDayPositionDecoder().wrapAndApplyHeader(buffer, offset, header).toString();
            default:
                return null;
        }
    }
}
