package io.basis.protocol;

/**
 * Aeron channel and stream ids between the engine, the gateway and operator tools.
 * <p>
 * All streams run over Aeron IPC on one host: the gateway and the engine are separate processes that share a
 * media driver (see {@code docs/architecture.md}).
 */
public final class Streams
{
    /** Channel of every Basis stream. */
    public static final String IPC_CHANNEL = "aeron:ipc";

    /** Gateway to engine: market data, execution reports, rejects and session status. */
    public static final int GATEWAY_TO_ENGINE = 1001;

    /** Engine to gateway: instrument definitions, new orders and cancels. */
    public static final int ENGINE_TO_GATEWAY = 1002;

    /** Operator tools to engine: admin commands. */
    public static final int CONTROL = 1003;

    /**
     * The engine's journal: every input it applied, in order (gateway messages, authenticated commands, timer
     * events), each followed by the orders and cancels it decided; recorded by Aeron Archive.
     */
    public static final int ENGINE_JOURNAL = 1004;

    /**
     * The engine's snapshots: one recording per snapshot of its whole state, which covers its journal up to a
     * position; recorded by Aeron Archive.
     */
    public static final int ENGINE_SNAPSHOT = 1005;

    private Streams()
    {
    }
}
