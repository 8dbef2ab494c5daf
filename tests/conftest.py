"""Shared fixtures (the sample inbox, a fresh warehouse per test, Prefect kept in the test's own folder), and the
guards of the tiers: every test belongs to exactly one, and a unit test stays in its process without the model."""

from __future__ import annotations

import json
import multiprocessing.process
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfacts.config import SAMPLE_INBOX, Settings

SEEDS = sorted(SAMPLE_INBOX.glob("*.txt"))
TIERS = ("unit", "integration", "browser")


@pytest.hookimpl(tryfirst=True)  # before -m deselects anything: every collected test is checked
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Fail collection when a test has no tier mark or more than one, so `make test-fast` stays the fast tier."""
    wrong = [f"{item.nodeid} ({', '.join(tiers) or 'no tier'})" for item in items
             if len(tiers := [m.name for m in item.iter_markers() if m.name in TIERS]) != 1]
    if wrong:
        raise pytest.UsageError(
            f"every test needs exactly one tier mark ({', '.join(TIERS)}): add `pytestmark = pytest.mark.<tier>` to "
            f"its module, or mark the test itself where a module mixes tiers (see README, Tests):\n  "
            + "\n  ".join(wrong))


@pytest.fixture(autouse=True)
def _unit_tests_stay_in_process(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit test that starts a subprocess (a Prefect server, the CLI), a worker process or loads the spaCy model
    fails, saying so: that is what makes the unit tier fast, and it stays so only if it is checked."""
    if request.node.get_closest_marker("unit") is None:
        return
    import spacy.util  # already imported by the modules under test; patched where every model load passes

    def refuse(what: str):
        def refused(*args, **kwargs):
            raise AssertionError(f"a unit test may not {what}: mark it integration (README, Tests)")
        return refused

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse("start a subprocess"))
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse("start a worker process"))
    monkeypatch.setattr(spacy.util, "load_model_from_path", refuse("load a spaCy model"))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A writable copy of the sample inbox (the five seeds)."""
    target = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, target)
    return target


@pytest.fixture
def settings(tmp_path: Path, inbox: Path) -> Settings:
    return Settings(inbox=inbox, warehouse=tmp_path / "wh" / "newsfacts.duckdb")


@pytest.fixture(scope="session")
def prefect_api():
    """Prefect's test harness for the session: flows run in this process against a temporary API and database."""
    os.environ.setdefault("DO_NOT_TRACK", "1")  # the harness's server inherits it: no telemetry attempts
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=300):
        yield


@dataclass(frozen=True)
class S3Store:
    """A local S3-compatible endpoint (moto's server) that checks signatures, as MinIO or a team's own store does:
    `env` is how a user points newsfacts at it (the endpoint as fsspec's config variable, the credentials as AWS_*
    variables, nothing read from ~/.aws or an instance's metadata)."""

    endpoint: str
    key: str
    secret: str
    client: object  # boto3's S3 client, with the same credentials: what the tests put objects with

    @property
    def env(self) -> dict[str, str]:
        return {"FSSPEC_S3": json.dumps({"endpoint_url": self.endpoint}), "AWS_ACCESS_KEY_ID": self.key,
                "AWS_SECRET_ACCESS_KEY": self.secret, "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                "AWS_EC2_METADATA_DISABLED": "true"}

    def bucket(self, folder: Path | None = None, prefix: str = "inbox") -> str:
        """A new bucket holding the folder's files under the prefix; its s3:// URL."""
        name = f"news-{uuid.uuid4().hex[:12]}"
        self.client.create_bucket(Bucket=name)
        for path in sorted(folder.rglob("*")) if folder else []:
            if path.is_file():
                self.put(f"s3://{name}/{prefix}/{path.relative_to(folder).as_posix()}", path.read_bytes())
        return f"s3://{name}/{prefix}"

    def put(self, url: str, data: bytes) -> None:
        bucket, key = url.removeprefix("s3://").split("/", 1)
        self.client.put_object(Bucket=bucket, Key=key, Body=data)

    def put_many(self, url: str, objects: dict[str, bytes]) -> None:
        """Objects under the URL, straight into the server's store (it runs in this process): thousands in a
        second, where one request each takes minutes on a busy machine."""
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.s3.models import s3_backends

        bucket, prefix = url.removeprefix("s3://").split("/", 1)
        store = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
        for name, data in objects.items():
            store.put_object(bucket, f"{prefix}/{name}", data)

    def delete(self, url: str) -> None:
        bucket, key = url.removeprefix("s3://").split("/", 1)
        self.client.delete_object(Bucket=bucket, Key=key)


@pytest.fixture(scope="session")
def s3_store() -> Iterator[S3Store]:
    """moto's S3 server on a free local port, with one IAM user allowed s3:* and signatures checked from then on
    (a wrong secret is refused as a real store refuses it)."""
    import socket
    import urllib.request

    import boto3
    from moto import settings as moto_settings
    from moto.server import ThreadedMotoServer

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    admin = {"endpoint_url": endpoint, "region_name": "us-east-1", "aws_access_key_id": "admin",
             "aws_secret_access_key": "admin"}
    iam = boto3.client("iam", **admin)
    iam.create_user(UserName="newsfacts")
    iam.put_user_policy(UserName="newsfacts", PolicyName="s3", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    key = iam.create_access_key(UserName="newsfacts")["AccessKey"]
    before = moto_settings.INITIAL_NO_AUTH_ACTION_COUNT
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset-auth", data=b"0", method="POST",
                                                  headers={"Content-Type": "text/plain"}), timeout=10).close()
    client = boto3.client("s3", **{**admin, "aws_access_key_id": key["AccessKeyId"],
                                   "aws_secret_access_key": key["SecretAccessKey"]})
    try:
        yield S3Store(endpoint, key["AccessKeyId"], key["SecretAccessKey"], client)
    finally:
        moto_settings.INITIAL_NO_AUTH_ACTION_COUNT = before
        server.stop()
