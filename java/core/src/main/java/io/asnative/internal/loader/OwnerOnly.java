package io.asnative.internal.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Owner-only files and directories of the current user. Every check reads attributes without
 * following links, so a symbolic link is never taken for what it points to.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> WRITING = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> LIBRARY = PosixFilePermissions.fromString("r-x------");

    private final UserPrincipal self;

    private OwnerOnly(UserPrincipal self) {
        this.self = self;
    }

    /**
     * Learns who "the current user" is from a file this process creates in {@code scratch}:
     * unlike {@code user.name}, that is right in containers with no passwd entry too.
     */
    static OwnerOnly currentUser(Path scratch) throws IOException {
        Path probe = Files.createTempFile(scratch, ".asnative-owner-", "",
                PosixFilePermissions.asFileAttribute(WRITING));
        try {
            return new OwnerOnly(Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    UserPrincipal self() {
        return self;
    }

    boolean isPrivateDirectory(Path dir) {
        PosixFileAttributes a = attributes(dir);
        return a != null && a.isDirectory() && self.equals(a.owner()) && DIRECTORY.equals(a.permissions());
    }

    boolean isPrivateLibrary(Path file) {
        PosixFileAttributes a = attributes(file);
        return a != null && a.isRegularFile() && self.equals(a.owner()) && LIBRARY.equals(a.permissions());
    }

    /** Whether {@code path} is a directory (not a link) owned by the current user, whatever its mode. */
    boolean ownsDirectory(Path path) {
        PosixFileAttributes a = attributes(path);
        return a != null && a.isDirectory() && self.equals(a.owner());
    }

    /** Creates {@code dir} with mode 0700 unless something is there already (checked by the caller). */
    static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            // The umask may have narrowed the mode; 0700 exactly is what reuse checks for.
            Files.setPosixFilePermissions(dir, DIRECTORY);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // Someone (maybe another JVM of ours) made it first: the caller checks what it is.
        }
    }

    static String describe(Path path) {
        PosixFileAttributes a = attributes(path);
        if (a == null) {
            return "missing";
        }
        String kind = a.isSymbolicLink() ? "symbolic link" : a.isDirectory() ? "directory" : "file";
        return kind + " owned by " + a.owner().getName() + ", mode " + PosixFilePermissions.toString(a.permissions());
    }

    private static PosixFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
