package io.asnative.internal.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Puts the jar's native files for one platform into a private directory and checks them.
 *
 * <p>Layout: {@code <base>/<fingerprint of SHA256SUMS>/<files>}, with {@code base} (e.g.
 * {@code /tmp/asnative-alice}) and the versioned directory mode 0700 and each file 0500, all
 * owned by the current user. A versioned directory left by an earlier run is reused only if it
 * holds exactly the listed files, each a regular owner-only file with the listed sha256;
 * otherwise the files are written to a fresh directory, checked, and moved into place.
 */
final class Extractor {

    /** Reads one file of the platform's resource folder; null when the jar lacks it. */
    @FunctionalInterface
    interface Resources {
        InputStream open(String name) throws IOException;
    }

    /** A verified directory of native files. */
    record Result(Path directory, Checksums checksums, boolean reused) {
    }

    static final String SHA256SUMS = "SHA256SUMS";
    private static final System.Logger LOG = System.getLogger("io.asnative.loader");

    private final Resources resources;
    private final String origin;
    private final Path base;

    /**
     * @param resources the platform's native files
     * @param origin    where those come from, for messages (e.g. the resource folder)
     * @param base      the per-user directory that holds versioned directories
     */
    Extractor(Resources resources, String origin, Path base) {
        this.resources = resources;
        this.origin = origin;
        this.base = base.toAbsolutePath();
    }

    Result extract() {
        Checksums sums = Checksums.parse(readChecksums());
        try {
            Path parent = base.getParent();
            Files.createDirectories(parent);
            OwnerOnly owner = OwnerOnly.currentUser(parent);
            Path home = privateBase(owner);
            Path target = home.resolve(sums.fingerprint());
            if (isIntact(target, sums, owner)) {
                return new Result(target, sums, true);
            }
            Path fresh = Files.createTempDirectory(home, sums.fingerprint() + ".tmp-");
            Files.setPosixFilePermissions(fresh, OwnerOnly.DIRECTORY);
            writeAll(fresh, sums);
            if (!isIntact(fresh, sums, owner)) {
                deleteTree(fresh);
                throw new NativeLoadException("The native files just extracted from " + origin
                        + " do not match their SHA256SUMS: the jar is damaged");
            }
            Path installed = install(fresh, target, sums, owner);
            if (!home.equals(base)) {
                deleteOnExit(installed, sums);
            }
            return new Result(installed, sums, false);
        } catch (IOException e) {
            throw new NativeLoadException("Cannot extract the native C client from " + origin + " into " + base
                    + ": " + e + ". Set -D" + NativeLibraries.EXTRACT_DIR_PROPERTY
                    + "=<a writable directory> to extract elsewhere.", e);
        }
    }

    private byte[] readChecksums() {
        try (InputStream in = resources.open(SHA256SUMS)) {
            if (in == null) {
                throw new NativeLoadException("This asnative jar has no native C client in " + origin
                        + " (no " + SHA256SUMS + "): it was built without the native part, or for another platform."
                        + " Rebuild it with the native build, or set -D" + NativeLibraries.OVERRIDE_PROPERTY
                        + " to a C client shared library.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new NativeLoadException("Cannot read " + origin + SHA256SUMS + ": " + e, e);
        }
    }

    /**
     * The per-user base, when it is a private directory of ours; a fresh temporary one otherwise,
     * so a directory planted by another user in a shared /tmp is never written to or loaded from.
     */
    private Path privateBase(OwnerOnly owner) throws IOException {
        if (Files.notExists(base, LinkOption.NOFOLLOW_LINKS)) {
            OwnerOnly.createDirectory(base);
        }
        if (owner.ownsDirectory(base) && !owner.isPrivateDirectory(base)) {
            // Ours but opened up (a hand-made directory, a umask): closing it is safe, as
            // everything inside is verified before use.
            Files.setPosixFilePermissions(base, OwnerOnly.DIRECTORY);
        }
        if (owner.isPrivateDirectory(base)) {
            return base;
        }
        Path fallback = Files.createTempDirectory(base.getParent(), "asnative-");
        Files.setPosixFilePermissions(fallback, OwnerOnly.DIRECTORY);
        fallback.toFile().deleteOnExit();
        LOG.log(Level.WARNING, "{0} is not a private directory of {1} ({2}); using {3} for this run only",
                base, owner.self().getName(), OwnerOnly.describe(base), fallback);
        return fallback;
    }

    /** Exactly the listed files, owner-only, each with its listed sha256, in a private directory. */
    static boolean isIntact(Path dir, Checksums sums, OwnerOnly owner) throws IOException {
        if (!owner.isPrivateDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            // An extra file could be picked up by the stub's $ORIGIN rpath in place of a system library.
            if (entries.anyMatch(p -> !sums.lists(p.getFileName().toString()))) {
                return false;
            }
        }
        for (String name : sums.files().keySet()) {
            Path file = dir.resolve(name);
            if (!owner.isPrivateLibrary(file) || !sums.matches(name, file)) {
                return false;
            }
        }
        return true;
    }

    private void writeAll(Path dir, Checksums sums) throws IOException {
        for (String name : sums.files().keySet()) {
            Path file = dir.resolve(name);
            try (InputStream in = resources.open(name)) {
                if (in == null) {
                    throw new NativeLoadException("The jar lists " + name + " in " + origin + SHA256SUMS
                            + " but does not contain it: the jar is damaged");
                }
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OwnerOnly.WRITING));
                try (OutputStream out = Files.newOutputStream(file, LinkOption.NOFOLLOW_LINKS,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                }
            }
            Files.setPosixFilePermissions(file, OwnerOnly.LIBRARY);
        }
    }

    /** Moves the verified {@code fresh} directory to {@code target}, replacing a damaged one. */
    private static Path install(Path fresh, Path target, Checksums sums, OwnerOnly owner) throws IOException {
        // Another JVM may have put a good copy there since we looked: then keep it.
        if (isIntact(target, sums, owner)) {
            deleteTree(fresh);
            return target;
        }
        try {
            deleteTree(target);
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException lostOrRefused) {
            if (isIntact(target, sums, owner)) {
                deleteTree(fresh);
                return target;
            }
            // Cannot take the shared name: this run uses its own verified copy.
            deleteOnExit(fresh, sums);
            return fresh;
        }
        if (!isIntact(target, sums, owner)) {
            throw new IOException(target + " changed while it was being installed");
        }
        return target;
    }

    /** Deletes a tree without following links (a link is deleted, never what it points to). */
    static void deleteTree(Path root) throws IOException {
        if (Files.notExists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, OwnerOnly.DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteOnExit(Path dir, Checksums sums) {
        // Registered directory first: deleteOnExit runs in reverse order, files before their directory.
        dir.toFile().deleteOnExit();
        for (String name : sums.files().keySet()) {
            dir.resolve(name).toFile().deleteOnExit();
        }
    }
}
