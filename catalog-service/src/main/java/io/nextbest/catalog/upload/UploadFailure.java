package io.nextbest.catalog.upload;

/** A refused upload: the HTTP status and the exact message of the personalization API's envelope. */
final class UploadFailure extends RuntimeException {

    static final String NO_FILE = "No file found";
    static final String STORE_MISSING = "File is empty: Store with id %s does not exist";
    static final String SCHEMA_INVALID = "File schema is not valid";
    static final String FIELDS_MISSING = "One or more required fields are missing in the request body";
    static final String NO_CREDIT = "Insufficient Credit !";
    // Messages of ours: the reference documents none for these cases (README).
    static final String INVALID_KEY = "Invalid API key";
    static final String TOO_LARGE = "File is too large";
    static final String CREDIT_UNAVAILABLE = "Credit balance is not available yet, retry later";

    private final int status;

    UploadFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
