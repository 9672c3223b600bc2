package dev.gatehouse.cache.control;

import java.io.IOException;

/**
 * The server's own storage failed while keeping an upload: a full disk, a quota, a broken folder.
 * Kept apart from the client's failures (a body that ends early), because it must never fail the
 * client's build: nx carries on after a 403.
 */
public class StorageFailure extends IOException {

    private static final long serialVersionUID = 1L;

    StorageFailure(IOException cause) {
        super(cause.toString(), cause);
    }

    /** What Linux says for a full file system or an exhausted quota (ENOSPC, EDQUOT). */
    public boolean isOutOfSpace() {
        String message = String.valueOf(getCause().getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }
}
