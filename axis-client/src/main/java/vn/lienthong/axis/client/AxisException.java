package vn.lienthong.axis.client;

/**
 * Any failed axis call. Callers decide about retries with {@link #isRetryable()} instead of inspecting subclasses;
 * the subclasses exist so that logs and metrics can tell the three failure families apart.
 */
public abstract class AxisException extends Exception {

    private final String operation;

    protected AxisException(String operation, String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
    }

    /** The axis operation name, e.g. {@code getEdoc}. */
    public String operation() {
        return operation;
    }

    public abstract boolean isRetryable();
}
