package dev.corpusstats.job;

import dev.corpusstats.output.OutputRefusedException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Refuses an output path equal to, inside or containing the input: a publish would replace input
 * folders named like tables, and the next run would read the job's own output as input.
 *
 * <p>The input is compared as a folder: a glob by its prefix without wildcards ({@code in/*.txt}:
 * {@code in}), a single file as itself (an output beside it, in the same folder, is fine). Local
 * paths are compared absolute and with the symbolic links of their existing part resolved, so an
 * output that is a link into the input is caught; other filesystems by scheme, authority and path.
 */
final class OverlapCheck {
    private OverlapCheck() {
    }

    static void requireApart(String input, String output, Configuration conf) {
        URI in;
        URI out;
        try {
            in = folderOf(qualified(new Path(input), conf)).toUri();
            out = qualified(new Path(output), conf).toUri();
        } catch (IllegalArgumentException e) {
            return; // not a path: the input check or the run reports it
        }
        if (!in.getScheme().equalsIgnoreCase(out.getScheme()) || !sameAuthority(in, out)) {
            return;
        }
        String inPath = in.getPath();
        String outPath = out.getPath();
        if (in.getScheme().equalsIgnoreCase("file")) {
            inPath = realPath(inPath);
            outPath = realPath(outPath);
        }
        String relation = inPath.equals(outPath) ? "is"
                : within(outPath, inPath) ? "is inside"
                : within(inPath, outPath) ? "contains" : null;
        if (relation != null) {
            throw new OutputRefusedException("output path " + output + " " + relation + " the input, " + input
                    + ": the job would replace or read its own files there; choose an output outside the input");
        }
    }

    /** A glob's longest prefix without wildcards; any other path as it is. */
    private static Path folderOf(Path input) {
        Path p = input;
        while (p.getParent() != null && isGlob(p.toUri().getPath())) {
            p = p.getParent();
        }
        return p;
    }

    private static boolean isGlob(String path) {
        return path.matches(".*[*?\\[\\]{}].*");
    }

    /**
     * Scheme, authority and absolute path, as the filesystem would resolve them: a path without a
     * scheme is on the default filesystem; a relative one starts at the working folder (the current
     * folder locally, the user's home folder elsewhere, as Hadoop does).
     */
    private static Path qualified(Path path, Configuration conf) {
        URI defaultFs = FileSystem.getDefaultUri(conf);
        String scheme = path.toUri().getScheme() != null ? path.toUri().getScheme() : defaultFs.getScheme();
        if (scheme == null) {
            scheme = "file";
        }
        Path workingDir = scheme.equalsIgnoreCase("file")
                ? new Path(new File(System.getProperty("user.dir")).toURI())
                : new Path("/user/" + System.getProperty("user.name"));
        // makeQualified takes the default filesystem's authority for any scheme: only give it the right one
        URI base = scheme.equalsIgnoreCase(defaultFs.getScheme()) ? defaultFs : URI.create(scheme + ":///");
        return path.makeQualified(base, workingDir);
    }

    private static boolean sameAuthority(URI a, URI b) {
        String x = a.getAuthority() == null ? "" : a.getAuthority().toLowerCase(Locale.ROOT);
        String y = b.getAuthority() == null ? "" : b.getAuthority().toLowerCase(Locale.ROOT);
        return x.equals(y);
    }

    /** Whether {@code path} is strictly inside {@code folder}, on '/' boundaries. */
    private static boolean within(String path, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return path.startsWith(prefix) && path.length() > prefix.length();
    }

    /**
     * The path with the links of its longest existing ancestor resolved (a dangling link by its
     * target); the rest, which does not exist yet, appended as written ({@code ..} there goes up).
     */
    private static String realPath(String path) {
        java.nio.file.Path p = java.nio.file.Path.of(path);
        Deque<String> missing = new ArrayDeque<>();
        for (int links = 0; p.getParent() != null && !Files.exists(p); ) {
            if (Files.isSymbolicLink(p) && links++ < 40) { // the output would be created where it points
                try {
                    p = p.getParent().resolve(Files.readSymbolicLink(p));
                    continue;
                } catch (IOException e) {
                    // unreadable link: compare the path as written
                }
            }
            missing.push(p.getFileName().toString());
            p = p.getParent();
        }
        java.nio.file.Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            real = p.toAbsolutePath().normalize();
        }
        for (String name : missing) {
            if (name.equals("..")) {
                real = real.getParent() != null ? real.getParent() : real;
            } else if (!name.equals(".")) {
                real = real.resolve(name);
            }
        }
        return real.toString();
    }
}
