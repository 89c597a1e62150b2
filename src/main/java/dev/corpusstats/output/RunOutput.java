package dev.corpusstats.output;

import dev.corpusstats.config.OutputLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a run writes and how it publishes. Every run writes all of its output (tables, manifest,
 * report, per-document analyses) into its own attempt folder, {@code ROOT/_attempts/RUN_ID/}, and
 * only when all of it is complete moves it to where readers look:
 * <ul>
 *   <li>{@code overwrite}: into the output root itself, replacing the previous run's entries one
 *       folder at a time by rename, the manifest last. Each table is the old one or the new one,
 *       never half-written; a run killed between two renames leaves the publish marker, and the next
 *       run finishes that publish before it starts.</li>
 *   <li>{@code runs}: the attempt folder becomes {@code ROOT/runs/run=NAME/} in one rename, then
 *       {@code ROOT/LATEST} (one line: {@code runs/run=NAME}, the run published last, a backfill
 *       included) is replaced atomically. A rerun of an existing name moves the old folder aside
 *       first; if it is killed in between, the next run puts the old folder back. Earlier runs
 *       stay readable as they were; DuckDB reads all runs as one table with a {@code run} column
 *       ({@code read_parquet('ROOT/runs/*&#47;terms/*.parquet', hive_partitioning = true)}).</li>
 * </ul>
 * Names starting with {@code _} are skipped by Spark and Hive, so attempts in progress are never
 * read as data. One run at a time per output root: a run holds the root's {@link OutputLock} from
 * before {@link #recover()} until after {@link #publish()}. Renames are atomic on local disks, HDFS
 * and ABFS; on S3 (s3a) a rename is a copy, so publishing there is not atomic.
 *
 * <p>A publish replaces only what the job made: the root entries the published manifest lists
 * ({@code published_entries}), and {@code runs/run=NAME} folders with a manifest inside. A run whose
 * root holds anything else under a name it would publish is refused ({@link #requireOwnEntries()}).
 */
public final class RunOutput {
    public static final String ATTEMPTS = "_attempts";
    public static final String RUNS = "runs";
    public static final String LATEST = "LATEST";
    /** The hidden folder for state kept between runs (incremental analyses), published with the tables. */
    public static final String STATE_DIR = "_state";
    /** Written into an attempt folder before its publish starts; gone with the folder when it ends. */
    static final String PUBLISHING = "_PUBLISHING";
    /** Suffix of the folder a run of the same name is moved to while it is replaced (runs layout). */
    static final String REPLACED = "-replaced";
    /** Suffix of the folder the previous run's entries go to while an overwrite publish replaces them. */
    static final String PREVIOUS = "-previous";

    private final Path root;
    private final OutputLayout layout;
    private final String runId;
    private final String runName;
    private final Configuration hadoopConf;
    private final FileSystem fs;

    public RunOutput(String root, OutputLayout layout, String runId, String runName, Configuration hadoopConf) {
        this.root = new Path(root);
        this.layout = layout;
        this.runId = runId;
        this.runName = runName;
        this.hadoopConf = hadoopConf;
        try {
            this.fs = this.root.getFileSystem(hadoopConf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the filesystem of output path " + root, e);
        }
    }

    /** Where this run writes everything it produces. */
    public String attemptDir() {
        return new Path(new Path(root, ATTEMPTS), runId).toString();
    }

    /** Where this run's output is visible once published. */
    public String publishedDir() {
        return isRuns() ? new Path(new Path(root, RUNS), "run=" + runName).toString() : root.toString();
    }

    /**
     * What this run publishes, for the manifest's {@code published_entries}: the entries its attempt
     * folder holds and those still to be written there (the report, the manifest), sorted.
     */
    public List<String> entries(List<String> stillToWrite) {
        Set<String> names = new TreeSet<>(stillToWrite);
        try {
            for (FileStatus entry : fs.listStatus(new Path(attemptDir()))) {
                names.add(entry.getPath().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + attemptDir(), e);
        }
        return List.copyOf(names);
    }

    /**
     * Refuses an output root holding an entry this run would replace that the job did not make, so
     * that a publish never moves or deletes anything else. Overwrite layout: a root entry named like
     * one the job publishes must be listed by the root's manifest (or already moved there by an
     * interrupted publish); a manifest written before the list existed vouches for the names the job
     * publishes. Runs layout: an existing {@code runs/run=NAME} must hold a manifest of a run, and
     * {@code LATEST} must be the job's one-line pointer. Read only: nothing is created.
     *
     * @throws OutputRefusedException naming the entries
     */
    public void requireOwnEntries() {
        List<String> foreign;
        try {
            foreign = isRuns() ? foreignRunsEntries() : foreignRootEntries();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output root " + root, e);
        }
        if (!foreign.isEmpty()) {
            throw foreignEntries(foreign);
        }
    }

    /** @param foreign the entries in the way, each with why it is not the job's */
    private OutputRefusedException foreignEntries(List<String> foreign) {
        return new OutputRefusedException("output root " + root + " holds " + String.join(", ", foreign)
                + ", which the job did not make and a run would replace: move " + (foreign.size() == 1 ? "it" : "them")
                + " away or choose another output");
    }

    private static List<String> notListed(List<String> names) {
        return names.isEmpty() ? names : List.of(String.join(", ", names) + " (no " + Manifest.FILE_NAME
                + " of the job there lists " + (names.size() == 1 ? "it" : "them") + ")");
    }

    private List<String> foreignRootEntries() throws IOException {
        Set<String> names = new TreeSet<>(publishedNames());
        Path attempt = new Path(attemptDir());
        if (fs.exists(attempt)) {
            for (FileStatus entry : fs.listStatus(attempt)) {
                names.add(entry.getPath().getName());
            }
            names.remove(PUBLISHING);
        }
        Set<String> own = new HashSet<>(manifestEntries());
        Path attempts = new Path(root, ATTEMPTS);
        if (fs.exists(attempts)) {
            for (FileStatus other : fs.listStatus(attempts)) {
                if (other.isDirectory() && fs.exists(new Path(other.getPath(), PUBLISHING))) {
                    own.addAll(movedIntoRoot(other.getPath()));
                }
            }
        }
        List<String> foreign = new ArrayList<>();
        for (String name : names) {
            if (!own.contains(name) && fs.exists(new Path(root, name))) {
                foreign.add(name);
            }
        }
        return notListed(foreign);
    }

    private List<String> foreignRunsEntries() throws IOException {
        List<String> foreign = new ArrayList<>();
        Path runs = new Path(root, RUNS);
        if (fs.exists(runs) && !fs.getFileStatus(runs).isDirectory()) {
            foreign.add(RUNS + " (not a folder)");
        }
        Path target = new Path(publishedDir());
        if (fs.exists(target) && runManifest(target).isEmpty()) {
            foreign.add(noRunManifest(target));
        }
        Path latest = new Path(root, LATEST);
        if (fs.exists(latest) && !isLatestPointer(latest)) {
            foreign.add(LATEST + " (not the job's one-line pointer)");
        }
        return foreign;
    }

    private static String noRunManifest(Path run) {
        return RUNS + "/" + run.getName() + " (no " + Manifest.FILE_NAME + " of a run inside)";
    }

    /** A file of one line {@code runs/run=NAME}, as {@link #writeLatest()} writes it. */
    private boolean isLatestPointer(Path latest) throws IOException {
        FileStatus status = fs.getFileStatus(latest);
        if (!status.isFile() || status.getLen() > 1024) {
            return false;
        }
        try (var in = fs.open(latest)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().matches(RUNS + "/run=[A-Za-z0-9][A-Za-z0-9._-]*");
        }
    }

    /**
     * The root entries its manifest lists as published. A manifest written before that list existed
     * stands for every name the job publishes; without a manifest of a run there, none.
     */
    private Set<String> manifestEntries() throws IOException {
        Optional<Manifest> manifest = runManifest(root);
        if (manifest.isEmpty()) {
            return Set.of();
        }
        if (manifest.get().publishedEntries == null) {
            return new HashSet<>(publishedNames());
        }
        Set<String> names = new HashSet<>();
        for (String name : manifest.get().publishedEntries) {
            // an edited list must not reach beyond the root's entries, nor the job's own housekeeping
            if (name != null && !name.isEmpty() && !name.contains("/") && !name.equals(".") && !name.equals("..")
                    && !name.equals(ATTEMPTS) && !name.equals(OutputLock.FILE_NAME)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The manifest in {@code dir}, if there is one that a run of the job wrote (it parses and has a run id). */
    private Optional<Manifest> runManifest(Path dir) throws IOException {
        if (!fs.exists(new Path(dir, Manifest.FILE_NAME))) {
            return Optional.empty();
        }
        try {
            Manifest manifest = Manifest.read(dir.toString(), hadoopConf);
            return manifest != null && manifest.runId != null && !manifest.runId.isBlank() ? Optional.of(manifest) : Optional.empty();
        } catch (IOException e) { // not JSON, not a manifest, or a folder of that name
            return Optional.empty();
        }
    }

    /** The output a previous run published (its manifest is there), if any. */
    public Optional<String> previousPublished() {
        try {
            if (isRuns()) {
                Path latest = new Path(root, LATEST);
                if (!fs.exists(latest)) {
                    return Optional.empty();
                }
                String relative;
                try (var in = fs.open(latest)) {
                    relative = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
                Path dir = new Path(root, relative);
                return fs.exists(new Path(dir, Manifest.FILE_NAME)) ? Optional.of(dir.toString()) : Optional.empty();
            }
            return fs.exists(new Path(root, Manifest.FILE_NAME)) ? Optional.of(root.toString()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the previous output under " + root, e);
        }
    }

    /**
     * Finishes publishes that a killed run left half done (overwrite layout), and deletes attempt
     * folders of killed runs (no manifest): their partial tables are of no use. Failed attempts keep
     * their folder with only the manifest, which says why. Call it holding the root's
     * {@link OutputLock}: every run writes into {@code _attempts} only while it holds the lock, so an
     * attempt without a manifest is then one whose run is no longer alive.
     */
    public List<String> recover() {
        List<String> done = new ArrayList<>();
        Path attempts = new Path(root, ATTEMPTS);
        try {
            if (!fs.exists(attempts)) {
                return done;
            }
            for (FileStatus attempt : fs.listStatus(attempts)) {
                Path dir = attempt.getPath();
                if (!attempt.isDirectory() || dir.getName().equals(runId)) {
                    continue;
                }
                if (dir.getName().endsWith(PREVIOUS)) { // a publish's trash: its publish deletes it
                    String owner = dir.getName().substring(0, dir.getName().length() - PREVIOUS.length());
                    if (!fs.exists(new Path(attempts, owner))) {
                        fs.delete(dir, true);
                    }
                } else if (fs.exists(new Path(dir, PUBLISHING))) {
                    moveIntoRoot(dir);
                    done.add("finished the interrupted publish of " + dir.getName());
                } else if (dir.getName().endsWith(REPLACED)) {
                    done.add(restoreReplaced(dir));
                } else if (!fs.exists(new Path(dir, Manifest.FILE_NAME))) {
                    fs.delete(dir, true);
                    done.add("deleted the attempt of a killed run, " + dir.getName());
                }
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + attempts, e);
        }
    }

    /** Makes the complete attempt folder the published output. */
    public void publish() {
        Path attempt = new Path(attemptDir());
        try {
            if (isRuns()) {
                Path target = new Path(publishedDir());
                fs.mkdirs(target.getParent());
                if (fs.exists(target)) { // a rerun under the same name replaces that run
                    if (runManifest(target).isEmpty()) {
                        throw foreignEntries(List.of(noRunManifest(target)));
                    }
                    Path replaced = new Path(new Path(root, ATTEMPTS), runId + REPLACED);
                    rename(target, replaced);
                    rename(attempt, target);
                    fs.delete(replaced, true);
                } else {
                    rename(attempt, target);
                }
                writeLatest();
            } else {
                List<String> names = new ArrayList<>();
                for (FileStatus entry : fs.listStatus(attempt)) {
                    names.add(entry.getPath().getName());
                }
                // The marker lists what this publish moves, so that finishing it later never
                // mistakes an entry already moved for one of the previous run's.
                try (FSDataOutputStream out = fs.create(new Path(attempt, PUBLISHING), true)) {
                    out.write(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
                }
                moveIntoRoot(attempt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + attempt + " to " + publishedDir(), e);
        }
    }

    /** A failed run keeps only its manifest, in its attempt folder: partial tables are deleted. */
    public void discardTables() {
        Path attempt = new Path(attemptDir());
        try {
            if (!fs.exists(attempt)) {
                return;
            }
            for (FileStatus entry : fs.listStatus(attempt)) {
                if (!entry.getPath().getName().equals(Manifest.FILE_NAME)) {
                    fs.delete(entry.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + attempt, e);
        }
    }

    /**
     * Overwrite layout: each entry the publish marker lists replaces the root's entry of that name
     * (the old one goes to a trash folder first, so a rename never lands inside an existing
     * folder), the manifest last; entries the previous run published that this run did not produce
     * are removed too. Only entries the root's manifest lists are replaced or removed: anything else
     * in the way stops the publish before it moves a thing. Safe to repeat after a kill: an entry
     * no longer in the attempt folder was moved.
     */
    private void moveIntoRoot(Path attempt) throws IOException {
        List<String> names = marker(attempt);
        names.sort(Comparator.comparing((String n) -> n.equals(Manifest.FILE_NAME)).thenComparing(n -> n));
        Set<String> previous = manifestEntries();
        List<String> foreign = new ArrayList<>();
        for (String name : names) {
            if (!previous.contains(name) && fs.exists(new Path(attempt, name)) && fs.exists(new Path(root, name))) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            throw foreignEntries(notListed(foreign));
        }
        Path trash = new Path(new Path(root, ATTEMPTS), attempt.getName() + PREVIOUS);
        fs.mkdirs(trash);
        Set<String> stale = new TreeSet<>(previous);
        names.forEach(stale::remove);
        for (String name : stale) { // e.g. report.html when this run has the report turned off
            Path old = new Path(root, name);
            if (fs.exists(old)) {
                fs.delete(new Path(trash, name), true);
                rename(old, new Path(trash, name));
            }
        }
        for (String name : names) {
            Path entry = new Path(attempt, name);
            if (!fs.exists(entry)) {
                continue; // moved before the run was killed
            }
            Path target = new Path(root, name);
            if (fs.exists(target)) {
                Path old = new Path(trash, name);
                fs.delete(old, true);
                rename(target, old);
            }
            rename(entry, target);
        }
        fs.delete(attempt, true);
        fs.delete(trash, true);
    }

    /** The entries a publish marker lists: what its publish moves. */
    private List<String> marker(Path attempt) throws IOException {
        List<String> names = new ArrayList<>();
        try (var in = fs.open(new Path(attempt, PUBLISHING))) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(names::add);
        }
        names.remove(PUBLISHING);
        return names;
    }

    /** The entries an interrupted publish has already moved into the root: in its marker, gone from its folder. */
    private List<String> movedIntoRoot(Path attempt) throws IOException {
        List<String> moved = new ArrayList<>();
        for (String name : marker(attempt)) {
            if (!fs.exists(new Path(attempt, name))) {
                moved.add(name);
            }
        }
        return moved;
    }

    /**
     * Runs layout: a run killed while replacing a run of the same name left the old run here. If
     * the new one did not arrive, the old one goes back; otherwise it is deleted.
     */
    private String restoreReplaced(Path replaced) throws IOException {
        Manifest old = Manifest.read(replaced.toString(), hadoopConf);
        Path target = new Path(new Path(root, RUNS), "run=" + old.runName);
        if (fs.exists(target)) {
            fs.delete(replaced, true);
            return "deleted the run replaced by an interrupted publish, " + replaced.getName();
        }
        rename(replaced, target);
        return "restored run=" + old.runName + ", which an interrupted publish had moved aside";
    }

    /** Every name a run may publish into the root (overwrite layout). */
    static List<String> publishedNames() {
        List<String> names = new ArrayList<>();
        for (Table t : Table.values()) {
            names.add(t.folder());
        }
        names.add(ReportWriter.FILE_NAME);
        names.add(STATE_DIR);
        names.add(Manifest.FILE_NAME);
        return names;
    }

    /**
     * Points LATEST at this run: the run published last, whatever its name (names need not sort by
     * time: a default name such as 20261129T014730Z sorts after 2026-12-01). Written beside and
     * renamed over, so readers see the old or the new line, never a partial one.
     */
    private void writeLatest() throws IOException {
        Path latest = new Path(root, LATEST);
        Path tmp = new Path(root, "_" + LATEST + "." + runId);
        fs.setWriteChecksum(false);
        try (FSDataOutputStream out = fs.create(tmp, true)) {
            out.write((RUNS + "/run=" + runName + "\n").getBytes(StandardCharsets.UTF_8));
        }
        FileContext.getFileContext(root.toUri(), hadoopConf).rename(tmp, latest, Options.Rename.OVERWRITE);
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }

    private boolean isRuns() {
        return layout == OutputLayout.RUNS;
    }
}
