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
            "  --conf FILE     settings file (YAML); keys are listed in docs/CONFIGURATION.md",
            "  --input PATH    file, directory or glob; local path or Hadoop filesystem URI (input.path)",
            "  --output DIR    output root for the Parquet tables and _manifest.json (output.path)",
            "  --format F      " + ConfigLoader.codes(InputFormat.class) + " (input.format)",
            "  --incremental   reuse the previous run's per-document analyses (output.incremental=true)",
            "  --layout L      overwrite (tables at the output root) or runs (runs/run=NAME/) (output.layout)",
            "  --run-name N    the run's folder name in the runs layout, e.g. the schedule's date (output.run_name)",
            "  --set KEY=VAL   any setting by its dotted key, e.g. --set terms.max_n=2; VAL null clears an optional one",
            "  --help          this text");

    public static CommandLine parse(List<String> args) {
        Path conf = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        Arguments options = new Arguments(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--help", "-h" -> {
                    return new CommandLine(null, Map.of(), true);
                }
                case "--conf" -> conf = options.path(option);
                case "--input" -> overrides.put("input.path", options.value(option));
                case "--output" -> overrides.put("output.path", options.value(option));
                case "--format" -> overrides.put("input.format", options.value(option));
                case "--incremental" -> overrides.put("output.incremental", "true");
                case "--layout" -> overrides.put("output.layout", options.value(option));
                case "--run-name" -> overrides.put("output.run_name", options.value(option));
                case "--set" -> putSetting(overrides, options.value(option));
                default -> throw new ConfigException("unknown option '" + option + "' (try --help)");
            }
        }
        return new CommandLine(conf, overrides, false);
    }

    /**
     * Adds one {@code --set} value, {@code KEY=VALUE}, to {@code overrides} for {@link ConfigLoader#load};
     * for every tool whose command line takes {@code --set}, so that all read it alike.
     */
    public static void putSetting(Map<String, String> overrides, String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set expects KEY=VALUE, got '" + keyValue + "'");
        }
        String setting = keyValue.substring(eq + 1);
        // As in the YAML file, null (or ~) clears a setting, e.g. --set entities.expert_model=null.
        overrides.put(keyValue.substring(0, eq), setting.equalsIgnoreCase("null") || setting.equals("~") ? null : setting);
    }

    public JobConfig toConfig() {
        return ConfigLoader.load(confFile, overrides);
    }
}
