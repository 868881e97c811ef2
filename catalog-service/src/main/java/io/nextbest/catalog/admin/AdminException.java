package io.nextbest.catalog.admin;

/** An admin API failure with its HTTP status and error code, answered as an {@code ApiError}. */
final class AdminException extends RuntimeException {

    private final int status;
    private final String code;

    AdminException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static AdminException unauthorized(String message) {
        return new AdminException(401, "UNAUTHORIZED", message);
    }

    static AdminException forbidden(String message) {
        return new AdminException(403, "FORBIDDEN", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
