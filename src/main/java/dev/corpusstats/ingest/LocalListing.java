package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks local input matches with java.nio, without following links while walking, so that only
 * regular files are read and each real file is listed once.
 *
 * <p>The real tree (no links) is walked first; links are followed afterwards, in the order found,
 * and only to files and folders not listed yet. So a file is listed under its path without links
 * whatever the names' order, and a link's target outside the input root is listed under the link's
 * path (doc_ids come from the paths the user sees). Everything else becomes a reject: a FIFO, device
 * or socket ({@code not_a_file}, never opened), a dangling link, a link to a folder containing it
 * ({@code symlink_cycle}), a second path to a file or folder already listed ({@code duplicate_path}),
 * a folder that cannot be listed ({@code unreadable}).
 */
final class LocalListing {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** A link met while walking; {@code parentReal} is the real folder it is in, null for an input match. */
    private record Link(Path path, java.nio.file.Path local, java.nio.file.Path parentReal) {
    }

    /** A folder to walk: its path as listed, as opened, and its real path. */
    private record Folder(Path path, java.nio.file.Path local, java.nio.file.Path real) {
    }

    private final String rootPrefix;
    private final InputFormat format;
    private final List<InputFile> out = new ArrayList<>();
    /** Real path of each folder walked -> the path it is listed under; a file in one is listed there. */
    private final Map<java.nio.file.Path, String> listedFolders = new HashMap<>();
    /** The same for files listed outside a walked folder (input matches, link targets): few, so kept. */
    private final Map<java.nio.file.Path, String> listedFiles = new HashMap<>();
    private final Deque<Link> links = new ArrayDeque<>();
    /** A stack rather than recursion: a hostile corpus may nest folders thousands deep. */
    private final List<Folder> folders = new ArrayList<>();
    private int skippedHidden;

    LocalListing(String rootPrefix, InputFormat format) {
        this.rootPrefix = rootPrefix;
        this.format = format;
    }

    InputLister.Listing list(FileStatus[] matches) {
        for (FileStatus match : matches) {
            Path path = match.getPath();
            java.nio.file.Path local = InputLister.local(path);
            BasicFileAttributes attributes = attributes(path, local);
            if (attributes == null) {
                continue;
            }
            if (attributes.isSymbolicLink()) {
                links.add(new Link(path, local, null)); // the walk starts at its target: no cycle to check here
            } else if (attributes.isDirectory() || attributes.isRegularFile()) {
                java.nio.file.Path real;
                try {
                    real = local.toRealPath();
                } catch (IOException e) {
                    reject(path, RejectReason.UNREADABLE, "cannot resolve path: " + InputLister.describe(e));
                    continue;
                }
                entry(path, local, real, attributes, false);
                walkFolders();
            } else {
                notAFile(path, kind(local));
            }
        }
        while (!links.isEmpty()) {
            follow(links.poll());
            walkFolders();
        }
        return new InputLister.Listing(out, skippedHidden);
    }

    /**
     * A folder or regular file, listed under {@code path} unless its real path is listed already.
     * {@code walked}: found in the folder being walked (which is itself listed, so only the files
     * listed outside walked folders can be the same file).
     */
    private void entry(Path path, java.nio.file.Path local, java.nio.file.Path real, BasicFileAttributes attributes,
                       boolean walked) {
        if (attributes.isDirectory()) {
            String listedAs = listedFolders.putIfAbsent(real, path.toString());
            if (listedAs != null) {
                reject(path, RejectReason.DUPLICATE_PATH, "the same folder as " + listedAs);
            } else {
                folders.add(new Folder(path, local, real));
            }
            return;
        }
        String listedAs = walked ? listedFiles.get(real) : listedAs(real);
        if (listedAs != null) {
            reject(path, RejectReason.DUPLICATE_PATH, "the same file as " + listedAs);
            return;
        }
        if (!walked) {
            listedFiles.put(real, path.toString());
        }
        out.add(InputFile.readable(path.toString(), InputLister.relative(path, rootPrefix), attributes.size(),
                InputFormats.forFile(format, path.getName())));
    }

    /** The path a real file is listed under, or null. Folders are walked whole before any link is followed. */
    private String listedAs(java.nio.file.Path realFile) {
        String direct = listedFiles.get(realFile);
        if (direct != null || realFile.getParent() == null) {
            return direct;
        }
        String folder = listedFolders.get(realFile.getParent());
        String name = realFile.getFileName().toString();
        return folder == null || InputLister.hidden(name) ? null : new Path(new Path(folder), new Path(null, null, name)).toString();
    }

    private void walkFolders() {
        while (!folders.isEmpty()) {
            Folder next = folders.remove(folders.size() - 1);
            int pushed = folders.size();
            walk(next.path(), next.local(), next.real());
            Collections.reverse(folders.subList(pushed, folders.size())); // subfolders then come off in name order
        }
    }

    private void walk(Path folder, java.nio.file.Path local, java.nio.file.Path real) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(local)) {
            for (java.nio.file.Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
            reject(folder, RejectReason.UNREADABLE, "cannot list directory: " + InputLister.describe(cause));
            return;
        }
        names.sort(null); // links are followed in the order found: make it independent of the directory's order
        for (String name : names) {
            if (InputLister.hidden(name)) {
                skippedHidden++;
                continue;
            }
            Path path = new Path(folder, new Path(null, null, name)); // as Hadoop builds it: a ':' in a name stays a name
            java.nio.file.Path childLocal = local.resolve(name);
            BasicFileAttributes attributes = attributes(path, childLocal);
            if (attributes == null) {
                continue;
            }
            if (attributes.isSymbolicLink()) {
                links.add(new Link(path, childLocal, real));
            } else if (attributes.isDirectory() || attributes.isRegularFile()) {
                entry(path, childLocal, real.resolve(name), attributes, true);
            } else {
                notAFile(path, kind(childLocal));
            }
        }
    }

    private void follow(Link link) {
        java.nio.file.Path target;
        BasicFileAttributes attributes;
        try {
            target = link.local().toRealPath();
            attributes = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            reject(link.path(), RejectReason.DANGLING_LINK, "links to " + describeTarget(link.local()) + ", which does not exist");
            return;
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("symbolic link")) { // ELOOP
                reject(link.path(), RejectReason.SYMLINK_CYCLE, "a loop of links (" + linkTarget(link.local()) + ")");
            } else {
                reject(link.path(), RejectReason.UNREADABLE, "cannot resolve link: " + InputLister.describe(e));
            }
            return;
        } catch (IOException e) {
            reject(link.path(), RejectReason.UNREADABLE, "cannot resolve link: " + InputLister.describe(e));
            return;
        }
        if (attributes.isDirectory() && link.parentReal() != null && link.parentReal().startsWith(target)) {
            reject(link.path(), RejectReason.SYMLINK_CYCLE, "links to " + target + ", a folder it is inside");
        } else if (attributes.isDirectory() || attributes.isRegularFile()) {
            entry(link.path(), link.local(), target, attributes, false);
        } else {
            notAFile(link.path(), "a link to " + kind(target) + " (" + target + ")");
        }
    }

    /** The entry's own attributes (a link is not followed), or null after adding a reject. */
    private BasicFileAttributes attributes(Path path, java.nio.file.Path local) {
        try {
            return Files.readAttributes(local, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            reject(path, RejectReason.UNREADABLE, "cannot read attributes: " + InputLister.describe(e));
            return null;
        }
    }

    private void notAFile(Path path, String what) {
        reject(path, RejectReason.NOT_A_FILE, what + ", neither a regular file nor a folder: not opened");
    }

    private void reject(Path path, RejectReason reason, String detail) {
        out.add(InputFile.rejected(path.toString(), InputLister.relative(path, rootPrefix), reason, detail));
    }

    /** What a path that is neither a regular file nor a folder is, following links. */
    static String kind(java.nio.file.Path path) {
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT;
            switch (type) {
                case S_IFIFO:
                    return "a FIFO (named pipe)";
                case S_IFCHR:
                    return "a character device";
                case S_IFBLK:
                    return "a block device";
                case S_IFSOCK:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix attribute view here: the generic wording below
        }
        return "a special file";
    }

    /** A link's target as written in the link. */
    static String linkTarget(java.nio.file.Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    /** The target as written, and as an absolute path when it was relative. */
    private static String describeTarget(java.nio.file.Path link) {
        try {
            java.nio.file.Path written = Files.readSymbolicLink(link);
            java.nio.file.Path absolute = link.toAbsolutePath().getParent().resolve(written).normalize();
            return written.isAbsolute() ? written.toString() : written + " (" + absolute + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }
}
