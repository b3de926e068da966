package io.basis.simulator.program;

/**
 * Receives list status to report (FIX ListStatus, N).
 */
public interface ListStatusSink
{
    /** ListStatusType(429) 1: acknowledgement of a NewOrderList. */
    int ACK = 1;
    /** ListStatusType(429) 2: response to a ListStatusRequest or ListCancelRequest. */
    int RESPONSE = 2;
    /** ListStatusType(429) 4: execution started (after ListExecute). */
    int EXEC_STARTED = 4;

    /**
     * @param list           the list.
     * @param listStatusType ListStatusType(429).
     * @param text           ListStatusText(444).
     */
    void onListStatus(ProgramList list, int listStatusType, String text);

    /**
     * A list request that names no acceptable list: duplicate, unknown ListID, malformed.
     *
     * @param owner  requesting session.
     * @param listId ListID as sent.
     * @param text   why.
     */
    void onListReject(Object owner, String listId, String text);
}
