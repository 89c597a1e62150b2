package dev.corpusstats.output;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run at a time per output root: {@code ROOT/_lock}, taken before a run recovers what killed
 * runs left and held until after its publish, so that every attempt folder another run finds
 * belongs to a run that is no longer alive.
 *
 * <p>On the local filesystem it is an operating-system lock on that file ({@link FileChannel#tryLock}),
 * which ends with its process, even on kill -9; the file stays, holding the owner while it is
 * held. Other filesystems (HDFS, ABFS, ...) have no such lock: there the lock is the file itself,
 * created only if absent and deleted on release. One left by a process of this host that is no
 * longer alive is taken over; any other is reported with the advice to delete it.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE_NAME = "_lock";

    private final String file;
    private final String runId;
    private final FileChannel channel; // local: the OS lock's channel
    private final FileLock osLock;
    private final FileSystem fs; // elsewhere: the lock file's filesystem
    private boolean released;

    private OutputLock(String file, String runId, FileChannel channel, FileLock osLock, FileSystem fs) {
        this.file = file;
        this.runId = runId;
        this.channel = channel;
        this.osLock = osLock;
        this.fs = fs;
    }

    /**
     * Takes the lock of the output root for run {@code runId}.
     *
     * @throws OutputLockedException if another run holds it; nothing is changed then
     * @throws OutputRefusedException if {@code ROOT/_lock} is something else than the job's lock file
     */
    public static OutputLock acquire(String root, Configuration conf, String runId) {
        Path path = new Path(root, FILE_NAME);
        try {
            FileSystem fs = path.getFileSystem(conf);
            if ("file".equals(fs.getScheme())) {
                return acquireOsLock(new File(fs.makeQualified(path).toUri().getPath()).toPath(), runId);
            }
            return acquireLockFile(fs, fs.makeQualified(path), runId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lock " + path, e);
        }
    }

    static OutputLock acquireOsLock(java.nio.file.Path file, String runId) throws IOException {
        if (Files.isDirectory(file)) {
            throw notALockFile(file.toString());
        }
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) { // this JVM holds it, through another channel
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw locked(file.toString(), Owner.parse(readQuietly(file)), false);
        }
        try {
            String previous = read(channel);
            if (!previous.isBlank() && Owner.parse(previous).isEmpty()) { // a file of the user's, not a lock
                throw notALockFile(file.toString());
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Owner.current(runId).text().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new OutputLock(file.toString(), runId, channel, lock, null);
        } catch (IOException | RuntimeException e) {
            channel.close(); // releases the lock
            throw e;
        }
    }

    static OutputLock acquireLockFile(FileSystem fs, Path file, String runId) throws IOException {
        Owner me = Owner.current(runId);
        for (boolean first = true; ; first = false) {
            try (FSDataOutputStream out = fs.create(file, false)) { // fails if it exists: atomic on HDFS
                out.write(me.text().getBytes(StandardCharsets.UTF_8));
                return new OutputLock(file.toString(), runId, null, null, fs);
            } catch (IOException e) {
                if (!fs.exists(file)) {
                    throw e;
                }
            }
            Optional<Owner> holder = readOwner(fs, file);
            if (first && holder.isPresent() && holder.get().diedOnThisHost()) {
                fs.delete(file, false);
                continue;
            }
            if (fs.getFileStatus(file).isDirectory() || (holder.isEmpty() && fs.getFileStatus(file).getLen() > 0)) {
                throw notALockFile(file.toString());
            }
            throw locked(file.toString(), holder, true);
        }
    }

    /** Releases the lock. A failure to release is reported on stderr, not thrown: the run's outcome stands. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (channel != null) {
                try {
                    channel.truncate(0); // no holder recorded while nobody holds it
                    osLock.release();
                } finally {
                    channel.close();
                }
            } else {
                Path path = new Path(file);
                Optional<Owner> holder = readOwner(fs, path);
                if (holder.isPresent() && holder.get().runId().equals(runId)) {
                    fs.delete(path, false);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("corpus-stats: could not release the lock " + file + ": " + e
                    + (channel == null ? "; delete it if no run is running" : ""));
        }
    }

    private static OutputLockedException locked(String file, Optional<Owner> holder, boolean deleteAdvice) {
        return new OutputLockedException("another run holds the output root's lock " + file + ": "
                + holder.map(Owner::describe).orElse("its holder is not recorded")
                + (deleteAdvice ? "; if that run is no longer running, delete " + file : ""));
    }

    private static OutputRefusedException notALockFile(String file) {
        return new OutputRefusedException(file + " is not a lock file of this job: move it away or choose another output");
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static String readQuietly(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Optional<Owner> readOwner(FileSystem fs, Path file) {
        try (var in = fs.open(file)) {
            return Owner.parse(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Who holds a lock, as key=value lines in the lock file. */
    record Owner(String runId, String host, long pid, String startedAt) {
        static Owner current(String runId) {
            return new Owner(runId, thisHost(), ProcessHandle.current().pid(), Instant.now().toString());
        }

        String text() {
            return "run_id=" + runId + "\nhost=" + host + "\npid=" + pid + "\nstarted_at=" + startedAt + "\n";
        }

        static Optional<Owner> parse(String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    fields.put(line.substring(0, eq), line.substring(eq + 1).strip());
                }
            }
            try {
                return Optional.of(new Owner(fields.get("run_id"), fields.get("host"), Long.parseLong(fields.get("pid")),
                        fields.get("started_at"))).filter(o -> o.runId() != null && o.host() != null);
            } catch (NumberFormatException e) { // also a missing pid
                return Optional.empty();
            }
        }

        String describe() {
            return "run " + runId + " on host " + host + ", pid " + pid + ", since " + startedAt;
        }

        /** Only a process of this host can be known dead; a host name of "unknown" never matches. */
        boolean diedOnThisHost() {
            return host.equals(thisHost()) && !host.equals("unknown")
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        private static String thisHost() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
