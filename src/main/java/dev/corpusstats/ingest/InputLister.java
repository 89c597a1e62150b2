package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the input files on the driver (names and sizes only; contents are read on executors).
 *
 * <p>The input is a file, a directory (read recursively) or a glob, on any Hadoop filesystem. The
 * root that relative paths (and so text doc_ids) start from is the directory itself, a file's
 * parent, or a glob's longest prefix without wildcards. Names starting with {@code .} or {@code _}
 * are skipped, as Hadoop and Spark do ({@code _SUCCESS}, {@code .crc}, editor swap files), and
 * counted. Only regular files are read: everything else that is listed (a folder that cannot be
 * listed, a FIFO or device, a dangling or looping link, a second path to a file already listed)
 * becomes a reject, not a failure. Local inputs are walked with java.nio (see {@link LocalListing});
 * other filesystems through Hadoop. Entries come out sorted by path.
 */
public final class InputLister {
    private InputLister() {
    }

    /** The listed entries, sorted by path, and how many hidden names were skipped (a folder counts once). */
    public record Listing(List<InputFile> files, int skippedHidden) {
    }

    public static Listing list(String input, InputFormat format, Configuration conf) {
        Path pattern = new Path(input);
        FileSystem fs = fileSystem(pattern, conf);
        FileStatus[] matches = match(fs, pattern, input);
        Path root = root(fs, pattern, matches);
        if (isLocal(fs) && isGlob(input)) {
            matches = withDanglingLinks(fs, pattern, matches);
        }
        String rootPrefix = root.toUri().getPath().replaceAll("/+$", "") + "/";
        for (FileStatus match : matches) {
            if (match.isDirectory()) {
                requireListable(fs, match.getPath(), input);
            }
        }
        Listing listing = isLocal(fs)
                ? new LocalListing(rootPrefix, format).list(matches)
                : new RemoteListing(fs, rootPrefix, format).list(matches);
        List<InputFile> files = new ArrayList<>(listing.files());
        files.sort(Comparator.comparing(InputFile::path));
        return new Listing(files, listing.skippedHidden());
    }

    /** Throws {@link InputMissingException} if the input path or glob matches nothing or cannot be read. */
    public static void requireMatches(String input, Configuration conf) {
        Path pattern = new Path(input);
        FileSystem fs = fileSystem(pattern, conf);
        boolean local = isLocal(fs);
        FileStatus[] matches = match(fs, pattern, input);
        for (FileStatus match : matches) {
            if (match.isDirectory()) {
                requireListable(fs, match.getPath(), input);
            }
        }
        if (matches.length == 1 && matches[0].isFile()) { // the input is one file: it must open
            if (local) {
                requireRegularFile(matches[0].getPath(), input); // opening a FIFO would block
            }
            try {
                fs.open(matches[0].getPath()).close();
            } catch (IOException e) {
                throw new InputMissingException("cannot read input path " + input + ": " + e.getMessage());
            }
        }
    }

    private static FileSystem fileSystem(Path pattern, Configuration conf) {
        try {
            return pattern.getFileSystem(conf);
        } catch (IOException e) {
            throw new InputMissingException("cannot open the filesystem of input path " + pattern + ": " + e.getMessage());
        }
    }

    /** True for the local filesystem: a path without scheme under the default settings, or {@code file:}. */
    private static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getUri().getScheme());
    }

    private static FileStatus[] match(FileSystem fs, Path pattern, String input) {
        if (isLocal(fs) && !isGlob(input)) {
            requireNotDangling(fs.makeQualified(pattern), input);
        }
        FileStatus[] matches;
        try {
            matches = fs.globStatus(pattern);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputMissingException("cannot read input path " + input + ": " + e.getMessage());
        }
        if (matches == null || matches.length == 0) {
            throw new InputMissingException("input path not found: " + input);
        }
        return matches;
    }

    /**
     * Hadoop's glob stats through links and drops those whose target is missing; adds the dangling
     * links that its last component matches in the folders its other components match, so that they
     * become rejects rather than vanish.
     */
    private static FileStatus[] withDanglingLinks(FileSystem fs, Path pattern, FileStatus[] matches) {
        Path qualified = fs.makeQualified(pattern);
        Path parent = qualified.getParent();
        String last = qualified.getName();
        if (parent == null || last.chars().filter(c -> c == '{').count() != last.chars().filter(c -> c == '}').count()) {
            return matches; // no parent, or braces spanning components: Hadoop's expansion is not redone here
        }
        try {
            GlobFilter filter = new GlobFilter(last);
            FileStatus[] folders = isGlob(parent.toUri().getPath()) ? fs.globStatus(parent) : new FileStatus[] {fs.getFileStatus(parent)};
            Set<Path> matched = new HashSet<>();
            for (FileStatus match : matches) {
                matched.add(match.getPath());
            }
            List<FileStatus> all = new ArrayList<>(List.of(matches));
            for (FileStatus folder : folders == null ? new FileStatus[0] : folders) {
                if (!folder.isDirectory()) {
                    continue;
                }
                try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(local(folder.getPath()))) {
                    for (java.nio.file.Path entry : entries) {
                        Path path = new Path(folder.getPath(), new Path(null, null, entry.getFileName().toString()));
                        if (filter.accept(path) && !matched.contains(path) && Files.isSymbolicLink(entry) && Files.notExists(entry)) {
                            all.add(new FileStatus(0, false, 0, 0, 0, path));
                        }
                    }
                }
            }
            return all.toArray(new FileStatus[0]);
        } catch (IOException | IllegalArgumentException | DirectoryIteratorException e) {
            return matches; // the matches Hadoop found stand; only the extra links are lost
        }
    }

    /** The input itself must be readable; an unreadable folder inside it is only a reject. */
    private static void requireListable(FileSystem fs, Path dir, String input) {
        try {
            if (isLocal(fs)) {
                // Opening the folder is the check; Hadoop's listStatus would stat every entry.
                Files.newDirectoryStream(local(dir)).close();
            } else {
                fs.listStatus(dir);
            }
        } catch (IOException e) {
            throw new InputMissingException("cannot read input path " + input + ": " + describe(e));
        }
    }

    /** Hadoop reports a dangling link as a missing path; say what it is. */
    private static void requireNotDangling(Path input, String given) {
        java.nio.file.Path path = local(input);
        if (!Files.isSymbolicLink(path)) {
            return;
        }
        try {
            path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InputMissingException("input path is a dangling link: " + given + " -> "
                    + LocalListing.linkTarget(path) + ", which does not exist");
        } catch (IOException e) {
            throw new InputMissingException("cannot read input path " + given + ": " + describe(e));
        }
    }

    private static void requireRegularFile(Path file, String input) {
        java.nio.file.Path path = local(file);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InputMissingException("cannot read input path " + input + ": " + describe(e));
        }
        if (!attributes.isRegularFile()) {
            throw new InputMissingException("input path " + input + " is " + LocalListing.kind(path) + ", not a regular file or folder");
        }
    }

    private static Path root(FileSystem fs, Path pattern, FileStatus[] matches) {
        if (isGlob(pattern.toString())) {
            Path p = fs.makeQualified(pattern);
            while (p.getParent() != null && isGlob(p.toUri().getPath())) {
                p = p.getParent();
            }
            return p;
        }
        FileStatus only = matches[0];
        return only.isDirectory() ? only.getPath() : only.getPath().getParent();
    }

    private static boolean isGlob(String path) {
        return path.matches(".*[*?\\[\\]{}].*");
    }

    static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    static String relative(Path path, String rootPrefix) {
        String p = path.toUri().getPath();
        return p.startsWith(rootPrefix) ? p.substring(rootPrefix.length()) : path.getName();
    }

    /** The local path of a {@code file:} Hadoop path. */
    static java.nio.file.Path local(Path path) {
        return java.nio.file.Path.of(path.toUri().getPath());
    }

    /** An I/O error in a few words: java.nio's messages are often just the path. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no longer exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Hadoop's own listing, for remote filesystems (hdfs:, s3a:, ...). */
    private static final class RemoteListing {
        private final FileSystem fs;
        private final String rootPrefix;
        private final InputFormat format;
        private final List<InputFile> out = new ArrayList<>();
        private int skippedHidden;

        RemoteListing(FileSystem fs, String rootPrefix, InputFormat format) {
            this.fs = fs;
            this.rootPrefix = rootPrefix;
            this.format = format;
        }

        Listing list(FileStatus[] matches) {
            for (FileStatus match : matches) {
                collect(match);
            }
            return new Listing(out, skippedHidden);
        }

        private void collect(FileStatus status) {
            Path path = status.getPath();
            if (status.isDirectory()) {
                FileStatus[] children;
                try {
                    children = fs.listStatus(path);
                } catch (IOException e) {
                    reject(path, RejectReason.UNREADABLE, "cannot list directory: " + e.getMessage());
                    return;
                }
                for (FileStatus child : children) {
                    if (hidden(child.getPath().getName())) {
                        skippedHidden++;
                    } else {
                        collect(child);
                    }
                }
            } else if (status.isSymlink()) {
                link(status);
            } else if (status.isFile()) {
                file(path, status.getLen());
            } else {
                reject(path, RejectReason.NOT_A_FILE, "neither a regular file nor a folder: not opened");
            }
        }

        /** Links to files are read under the link's path; links to folders are not followed here. */
        private void link(FileStatus status) {
            Path path = status.getPath();
            FileStatus target;
            try {
                target = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                reject(path, RejectReason.DANGLING_LINK, "links to " + symlink(status) + ", which does not exist");
                return;
            } catch (IOException e) {
                reject(path, RejectReason.UNREADABLE, "cannot resolve link: " + e.getMessage());
                return;
            }
            if (target.isFile()) {
                file(path, target.getLen());
            } else if (target.isDirectory()) {
                reject(path, RejectReason.NOT_A_FILE, "a link to a folder (" + symlink(status)
                        + "): links to folders are followed on local inputs only");
            } else {
                reject(path, RejectReason.NOT_A_FILE, "a link to " + symlink(status)
                        + ", neither a regular file nor a folder: not opened");
            }
        }

        private static String symlink(FileStatus status) {
            try {
                return status.getSymlink().toString();
            } catch (IOException e) {
                return "?";
            }
        }

        private void file(Path path, long length) {
            out.add(InputFile.readable(path.toString(), relative(path, rootPrefix), length,
                    InputFormats.forFile(format, path.getName())));
        }

        private void reject(Path path, RejectReason reason, String detail) {
            out.add(InputFile.rejected(path.toString(), relative(path, rootPrefix), reason, detail));
        }
    }
}
