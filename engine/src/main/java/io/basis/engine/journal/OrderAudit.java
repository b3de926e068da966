package io.basis.engine.journal;

import java.io.PrintStream;
import java.util.Locale;

import io.basis.engine.pricing.ValuationView;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrderStatusRequestDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.LongHashSet;

/**
 * The lifecycle of one order, or of every order of one program, told from a journal as it is replayed: the input
 * the engine decided it on, the market valuation at that moment, that it passed pre-trade risk, every cancel the
 * engine decided for it, every report, reject and fill the gateway brought, and the position each fill was booked
 * into. A tool's observer: it allocates freely.
 */
final class OrderAudit implements JournalReplay.Observer
{
    private final JournalReplay replay;
    private final long orderId;
    private final long programId;
    private final PrintStream out;
    private final LongHashSet followed = new LongHashSet();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExpandableArrayBuffer lastInput = new ExpandableArrayBuffer(4096);
    private long lastInputEntry;
    private int lastInputLength;
    private String lastInputValuation = "";
    private long lines;

    /**
     * @param replay    the replay it observes.
     * @param orderId   the order to tell about, or 0.
     * @param programId the program whose orders to tell about, or 0.
     * @param out       where the lifecycle is printed.
     */
    OrderAudit(final JournalReplay replay, final long orderId, final long programId, final PrintStream out)
    {
        this.replay = replay;
        this.orderId = orderId;
        this.programId = programId;
        this.out = out;
        if (orderId != 0)
        {
            followed.add(orderId);
        }
    }

    @Override
    public void onEntry(
        final long entry, final DirectBuffer buffer, final int offset, final int length, final boolean input)
    {
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        if (input)
        {
            onInput(entry, buffer, offset, length, templateId);
        }
        else if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            final NewOrderDecoder order = new NewOrderDecoder().wrapAndApplyHeader(buffer, offset, header);
            if (order.orderId() == orderId || (programId != 0 && order.programId() == programId))
            {
                followed.add(order.orderId());
                print(entry, "decided " + order);
                printDecidedOn();
                out.println("    valuation then: " + lastInputValuation);
                out.println("    pre-trade risk: every check passed (a refused order is never sent)");
            }
        }
        else if (templateId == CancelOrderDecoder.TEMPLATE_ID)
        {
            final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(buffer, offset, header);
            if (followed.contains(cancel.orderId()))
            {
                print(entry, "decided " + cancel);
                printDecidedOn();
            }
        }
        else if (templateId == OrderStatusRequestDecoder.TEMPLATE_ID)
        {
            final OrderStatusRequestDecoder request =
                new OrderStatusRequestDecoder().wrapAndApplyHeader(buffer, offset, header);
            if (followed.contains(request.orderId()))
            {
                print(entry, "asked the exchange " + request);
            }
        }
    }

    /**
     * @return lines printed about the order or program; 0 if the journal never mentions it.
     */
    long lines()
    {
        return lines;
    }

    private void onInput(
        final long entry, final DirectBuffer buffer, final int offset, final int length, final int templateId)
    {
        // The engine decides its orders on the input just applied: remember it and the valuation it left.
        lastInputEntry = entry;
        lastInputLength = length;
        lastInput.putBytes(0, buffer, offset, length);
        lastInputValuation = valuation();
        switch (templateId)
        {
            case ExecutionReportDecoder.TEMPLATE_ID:
                final ExecutionReportDecoder report =
                    new ExecutionReportDecoder().wrapAndApplyHeader(buffer, offset, header);
                if (followed.contains(report.orderId()))
                {
                    print(entry, "received " + report);
                    if (report.execType() == ExecType.TRADE || report.execType() == ExecType.ORDER_STATUS)
                    {
                        out.println("    booked: position of instrument " + report.instrumentId() + " now " +
                            replay.positions().quantity(report.instrumentId()) + ", fills booked " +
                            replay.positions().fills());
                    }
                }
                break;
            case OrderRejectDecoder.TEMPLATE_ID:
                final OrderRejectDecoder reject = new OrderRejectDecoder().wrapAndApplyHeader(buffer, offset, header);
                if (followed.contains(reject.orderId()))
                {
                    print(entry, "received " + reject);
                }
                break;
            case CancelRejectDecoder.TEMPLATE_ID:
                final CancelRejectDecoder cancelReject =
                    new CancelRejectDecoder().wrapAndApplyHeader(buffer, offset, header);
                if (followed.contains(cancelReject.orderId()))
                {
                    print(entry, "received " + cancelReject);
                }
                break;
            default:
                break;
        }
    }

    private String valuation()
    {
        if (replay.engine() == null)
        {
            return "";
        }
        final ValuationView view = replay.engine().valuationView();
        return String.format(Locale.ROOT, "model %s, F* %.2f, band [%.2f, %.2f], future bid/ask exec %.2f/%.2f, " +
            "index bid/ask exec %.2f/%.2f, basis cash-and-carry %+.2f, reverse %+.2f",
            view.modelState(), view.fairValue(), view.lowerBound(), view.upperBound(), view.futureBidExec(),
            view.futureAskExec(), view.indexBidExec(), view.indexAskExec(), view.execBasisCashAndCarry(),
            view.execBasisReverse());
    }

    private void printDecidedOn()
    {
        out.println("    on entry " + lastInputEntry + ": " + JournalReplay.describe(lastInput, 0, lastInputLength));
    }

    private void print(final long entry, final String text)
    {
        out.println("entry " + entry + ": " + text);
        lines++;
    }

}
