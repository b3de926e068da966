package io.basis.engine.order;

/**
 * Told when every leg of a program has reached a terminal state, on the engine thread, before the program's
 * objects are reused.
 */
@FunctionalInterface
public interface ProgramListener
{
    /**
     * @param program the program; valid only during the call.
     */
    void onProgramComplete(ProgramOrder program);
}
