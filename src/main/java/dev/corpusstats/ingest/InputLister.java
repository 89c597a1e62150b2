package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the input files on the driver (names and sizes only; contents are read on executors).
 *
 * <p>The input is a file, a directory (read recursively) or a glob, on any Hadoop filesystem. The
 * root that relative paths (and so text doc_ids) start from is the directory itself, a file's
 * parent, or a glob's longest prefix without wildcards. Names starting with {@code .} or {@code _}
 * are skipped, as Hadoop and Spark do ({@code _SUCCESS}, {@code .crc}, editor swap files). A
 * directory that cannot be listed becomes a reject, not a failure. Files come out sorted by path.
 */
public final class InputLister {
    private InputLister() {
    }

    public static List<InputFile> list(String input, InputFormat format, Configuration conf) {
        Path pattern = new Path(input);
        FileSystem fs = fileSystem(pattern, conf);
        FileStatus[] matches = match(fs, pattern, input);
        Path root = root(fs, pattern, matches);
        String rootPrefix = root.toUri().getPath().replaceAll("/+$", "") + "/";
        List<InputFile> files = new ArrayList<>();
        for (FileStatus match : matches) {
            if (match.isDirectory()) {
                requireListable(fs, match.getPath(), input);
            }
            collect(fs, match, rootPrefix, format, files);
        }
        files.sort(Comparator.comparing(InputFile::path));
        return files;
    }

    /** Throws {@link InputMissingException} if the input path or glob matches nothing or cannot be read. */
    public static void requireMatches(String input, Configuration conf) {
        Path pattern = new Path(input);
        FileSystem fs = fileSystem(pattern, conf);
        FileStatus[] matches = match(fs, pattern, input);
        for (FileStatus match : matches) {
            if (match.isDirectory()) {
                requireListable(fs, match.getPath(), input);
            }
        }
        if (matches.length == 1 && matches[0].isFile()) { // the input is one file: it must open
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

    private static FileStatus[] match(FileSystem fs, Path pattern, String input) {
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

    /** The input itself must be readable; an unreadable folder inside it is only a reject. */
    private static void requireListable(FileSystem fs, Path dir, String input) {
        try {
            fs.listStatus(dir);
        } catch (IOException e) {
            throw new InputMissingException("cannot read input path " + input + ": " + e.getMessage());
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

    private static void collect(FileSystem fs, FileStatus status, String rootPrefix, InputFormat format, List<InputFile> out) {
        if (status.isDirectory()) {
            FileStatus[] children;
            try {
                children = fs.listStatus(status.getPath());
            } catch (IOException e) {
                out.add(InputFile.rejected(status.getPath().toString(), relative(status.getPath(), rootPrefix),
                        RejectReason.UNREADABLE, "cannot list directory: " + e.getMessage()));
                return;
            }
            for (FileStatus child : children) {
                if (!hidden(child.getPath().getName())) {
                    collect(fs, child, rootPrefix, format, out);
                }
            }
        } else {
            String name = status.getPath().getName();
            out.add(InputFile.readable(status.getPath().toString(), relative(status.getPath(), rootPrefix), status.getLen(),
                    InputFormats.forFile(format, name)));
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    private static String relative(Path path, String rootPrefix) {
        String p = path.toUri().getPath();
        return p.startsWith(rootPrefix) ? p.substring(rootPrefix.length()) : path.getName();
    }
}
