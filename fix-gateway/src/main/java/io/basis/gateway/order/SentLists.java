package io.basis.gateway.order;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import io.basis.gateway.link.FixHandOff;

/**
 * NewOrderLists (E) handed to the order-entry session and not yet answered by a ListStatus (N), oldest first per
 * ListID, so that a list the exchange refuses as a whole (ListOrderStatus 7, which names no legs) can be turned
 * into rejects of its legs. The first ListStatus of a list, ack or reject, answers it; FIX answers NewOrderLists
 * in order, so a ListID sent twice (the exchange refuses the second as a duplicate) is told apart by arrival.
 * <p>
 * Owned by the gateway agent: it registers a list before it sends it and takes it when QuickFIX/J hands the
 * answer over ({@link FixHandOff}), which cannot happen before the registration, so nothing here locks.
 */
public final class SentLists
{
    private final Map<String, ArrayDeque<SentList>> unanswered = new HashMap<>();

    /**
     * Register a list about to be sent.
     *
     * @param list the list, by its ListID.
     */
    void register(final SentList list)
    {
        unanswered.computeIfAbsent(list.listId(), id -> new ArrayDeque<>(2)).addLast(list);
    }

    /**
     * Forget a list that could not be sent after all.
     *
     * @param list as registered.
     */
    void forget(final SentList list)
    {
        final ArrayDeque<SentList> lists = unanswered.get(list.listId());
        if (lists != null)
        {
            lists.removeLastOccurrence(list);
            if (lists.isEmpty())
            {
                unanswered.remove(list.listId());
            }
        }
    }

    /**
     * Take the oldest unanswered list with this ListID: the one a ListStatus answers.
     *
     * @param listId ListID (66) of the ListStatus.
     * @return the list, or null if none with that id is waiting for an answer.
     */
    SentList answer(final String listId)
    {
        final ArrayDeque<SentList> lists = unanswered.get(listId);
        if (lists == null)
        {
            return null;
        }
        final SentList list = lists.pollFirst();
        if (lists.isEmpty())
        {
            unanswered.remove(listId);
        }
        return list;
    }

    /**
     * @return lists sent and not yet answered.
     */
    int unansweredCount()
    {
        int count = 0;
        for (final ArrayDeque<SentList> lists : unanswered.values())
        {
            count += lists.size();
        }
        return count;
    }

    /**
     * One list as sent: its ListID and, in ListSeqNo order, each leg's engine order id and instrument.
     *
     * @param listId        ListID (66), the engine's program id in decimal.
     * @param orderIds      ClOrdIDs of the legs (engine order ids).
     * @param instrumentIds engine instrument id of each leg.
     */
    record SentList(String listId, long[] orderIds, int[] instrumentIds)
    {
    }
}
