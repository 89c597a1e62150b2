package dev.corpusstats.ingest;

/** Thrown by readers and the decoder when an input cannot become a document; carries the reason. */
public final class RejectedInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final RejectReason reason;

    public RejectedInputException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
