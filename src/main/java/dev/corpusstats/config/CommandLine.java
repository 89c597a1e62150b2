package dev.corpusstats.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's command line: {@code [--conf FILE] [--input PATH] [--output DIR] [--format F]
 * [--incremental] [--layout L] [--run-name N] [--set key=value]...}. All but {@code --conf} are
 * shorthands for {@code --set input.path=...} and so on; later options win.
 */
public record CommandLine(Path confFile, Map<String, String> overrides, boolean help) {

    public static final String USAGE = String.join("\n",
            "usage: corpus-stats [--conf FILE] [--input PATH] [--output DIR] [--format FORMAT] [--incremental]",
            "                    [--layout overwrite|runs] [--run-name NAME] [--set KEY=VALUE]...",
            "  --conf FILE     settings file (YAML); keys are listed in the README",
            "  --input PATH    file, directory or glob; local path or Hadoop filesystem URI (input.path)",
            "  --output DIR    output root for the Parquet tables and _manifest.json (output.path)",
            "  --format F      auto, text, jsonl, csv or parquet (input.format)",
            "  --incremental   reuse the previous run's per-document analyses (output.incremental=true)",
            "  --layout L      overwrite (tables at the output root) or runs (runs/run=NAME/) (output.layout)",
            "  --run-name N    the run's folder name in the runs layout, e.g. the schedule's date (output.run_name)",
            "  --set KEY=VAL   any setting by its dotted key, e.g. --set terms.max_n=2; VAL null clears an optional one",
            "  --help          this text");

    public static CommandLine parse(List<String> args) {
        Path conf = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    return new CommandLine(null, Map.of(), true);
                }
                case "--conf" -> conf = Path.of(value(args, ++i, arg));
                case "--input" -> overrides.put("input.path", value(args, ++i, arg));
                case "--output" -> overrides.put("output.path", value(args, ++i, arg));
                case "--format" -> overrides.put("input.format", value(args, ++i, arg));
                case "--incremental" -> overrides.put("output.incremental", "true");
                case "--layout" -> overrides.put("output.layout", value(args, ++i, arg));
                case "--run-name" -> overrides.put("output.run_name", value(args, ++i, arg));
                case "--set" -> {
                    String kv = value(args, ++i, arg);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new ConfigException("--set expects KEY=VALUE, got '" + kv + "'");
                    }
                    String setting = kv.substring(eq + 1);
                    // As in the YAML file, null (or ~) clears a setting, e.g. --set entities.expert_model=null.
                    overrides.put(kv.substring(0, eq), setting.equalsIgnoreCase("null") || setting.equals("~") ? null : setting);
                }
                default -> throw new ConfigException("unknown option '" + arg + "' (try --help)");
            }
        }
        return new CommandLine(conf, overrides, false);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new ConfigException("option " + option + " needs a value");
        }
        return args.get(i);
    }

    public JobConfig toConfig() {
        return ConfigLoader.load(confFile, overrides);
    }
}
