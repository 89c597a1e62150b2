"""Nightly corpus-stats run as an Apache Airflow DAG (apache-airflow-providers-apache-spark).

Ready to adapt: copy this file into your DAGs folder and set the paths below. It submits the
application jar with SparkSubmitOperator through the `spark_default` connection (host
spark://spark-master:7077 or yarn; Airflow needs spark-submit on the worker's PATH or SPARK_HOME).

Each run is incremental (yesterday's per-document analyses are reused; only new or changed texts
go through the NLP) and published as runs/run={{ ds }}/ under the output root, so a rerun or a
backfill of a date replaces exactly that date's output and nothing else. max_active_runs=1
because runs of one output root must not overlap (the incremental state is the previous run's;
the job turns a second run away with exit code 4).

Exit codes: 0 ok, 1 job failed, 2 configuration error or unsafe output path, 3 input missing or
unreadable, 4 another run holds the output root's lock. Airflow marks the task failed on any
non-zero code; retries help with 1 (a lost cluster) and 4 (once the other run ends), not with 2 or 3.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

CORPUS_STATS_HOME = "/opt/corpus-stats"  # a checkout with target/corpus-stats-0.1.0-app.jar built
INPUT = "hdfs:///news/corpus"
OUTPUT = "hdfs:///news/stats"

with DAG(
    dag_id="corpus_stats_nightly",
    start_date=datetime(2026, 11, 1),
    schedule="30 2 * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["corpus-stats"],
) as dag:
    SparkSubmitOperator(
        task_id="corpus_stats",
        conn_id="spark_default",
        application=f"{CORPUS_STATS_HOME}/target/corpus-stats-0.1.0-app.jar",
        java_class="dev.corpusstats.job.CorpusStatsJob",
        properties_file=f"{CORPUS_STATS_HOME}/conf/spark-defaults.conf",
        deploy_mode="client",  # the driver reads conf/corpus-stats.yaml from this machine
        executor_memory="4g",
        conf={"spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile=file:{CORPUS_STATS_HOME}/conf/log4j2.properties"},
        # spark.executor.defaultJavaOptions (-XX:-DontCompileHugeMethods) comes from spark-defaults.conf.
        application_args=[
            "--conf", f"{CORPUS_STATS_HOME}/conf/corpus-stats.yaml",
            "--input", INPUT,
            "--output", OUTPUT,
            "--layout", "runs",
            "--run-name", "{{ ds }}",
            "--incremental",
        ],
        execution_timeout=timedelta(hours=4),
    )
