"""The report by e-mail, sent to a real SMTP server the tests start (aiosmtpd, in
a thread, on 127.0.0.1, login required) and read back as a mail client reads it: the subject, the
body's three figures and link, the .xlsx opened with openpyxl and the .pptx with python-pptx.

The demo (app_db) on 30 June 2015 for Ville d'Orléans: 146 of the 350 managers in post are
members, 146 / 350 = 0.417… → « 42 % » (README); 16 619.5 hours → « 16 620 h » (half up, as
the deck writes them); 71 590.50 € spent since the start → « 71 591 € ».
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import json
import socket
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from pptx import Presentation

from etl.__main__ import main as etl_main
from etl.admin import subscriptions, users
from etl.documents import mail, message
from etl.documents.scope import Scope
from etl.model.kpis import NAMES
from etl.publish.load import load
from tests.conftest import run_cli, write_source
from tests.names import assert_no_names

LOGIN, PASSWORD = "cadran", "le mot de passe du relais"
ORLEANS = "Ville d'Orléans"
NBSP, NNBSP = "\u00a0", "\u202f"
# the test server takes a password without TLS, on 127.0.0.1 only (Cadran refuses it elsewhere)
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
SETTINGS = ("HOST", "PORT", "TLS", "USER", "PASSWORD", "FROM")


class Inbox:
    """What the server received (one envelope per message accepted), and whom it refuses."""

    def __init__(self) -> None:
        self.envelopes: list = []
        self.refuse: set[str] = set()
        self.port = free_port()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Destinataire inconnu"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 2.0.0 Message accepted"

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(e.content, policy=email.policy.default) for e in self.envelopes]


def _login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        LOGIN.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # not handled: the server says 535 itself


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    inbox = Inbox()
    # PLAIN alone: aiosmtpd 1.4.6's LOGIN waits for a user name smtplib sent with the command
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=inbox.port,
        authenticator=_login,
        auth_required=True,
        auth_require_tls=False,
        auth_exclude_mechanism=["LOGIN"],
    )
    controller.start()
    yield inbox
    controller.stop()


@pytest.fixture
def inbox(server, tmp_path, monkeypatch) -> Inbox:
    """The server's inbox, emptied; the SMTP settings in the environment point at it; accounts,
    subscriptions and the log in tmp_path; the dashboard's address configured."""
    box = server
    box.envelopes.clear()
    box.refuse.clear()
    for name in SETTINGS:
        monkeypatch.delenv(f"CADRAN_SMTP_{name}", raising=False)
    env = {
        "HOST": "127.0.0.1",
        "PORT": str(box.port),
        "TLS": "none",
        "USER": LOGIN,
        "PASSWORD": PASSWORD,
        "FROM": "Cadran <cadran@ville.fr>",
    }
    for name, value in env.items():
        monkeypatch.setenv(f"CADRAN_SMTP_{name}", value)
    monkeypatch.setenv("CADRAN_PUBLIC_URL", "https://cadran.ville.fr")
    monkeypatch.setenv("CADRAN_USERS", str(tmp_path / "data" / "users.json"))
    monkeypatch.setenv("CADRAN_SECRETS", str(tmp_path / "secrets.toml"))
    return box


def attachments(msg) -> dict[str, bytes]:
    return {part.get_filename(): part.get_payload(decode=True) for part in msg.iter_attachments()}


def summary_figures(content: bytes) -> dict:
    """code -> value of the summary sheet's indicator table (codes in column D)."""
    ws = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    header = next(r for r in range(1, 20) if ws.cell(r, 4).value == "Code")
    return {ws.cell(r, 4).value: ws.cell(r, 2).value for r in range(header + 1, header + 1 + len(NAMES))}


def slide_texts(content: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(content))
    return [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]


def log() -> list[dict]:
    return subscriptions.recent()


# --- what a recipient reads ------------------------------------------------------------------


def test_the_message_carries_the_headline_of_kpis_json(inbox, app_db, capsys):
    """Done when: the real command sends; the message read back, its xlsx and pptx opened, carry
    the figures `python -m etl kpis --json` prints for the same date and organisation."""
    code, out, err = run_cli(
        "send",
        "--to",
        "dg@ville.fr,drh@ville.fr",
        "--as-of",
        "2015-06-30",
        "--organisation",
        ORLEANS,
        "--db",
        app_db,
    )
    assert code == 0, err
    assert out == (
        "Envoyé à dg@ville.fr, drh@ville.fr : cadran-synthese-2015-06-30.xlsx, "
        "cadran-diaporama-2015-06-30.pptx\n"
    )
    [envelope] = inbox.envelopes
    assert envelope.mail_from == "cadran@ville.fr"
    assert envelope.rcpt_tos == ["dg@ville.fr", "drh@ville.fr"]
    [msg] = inbox.messages()
    assert msg["Subject"] == "Cadran — réseau des cadres au 30 juin 2015"
    assert msg["To"] == "dg@ville.fr, drh@ville.fr"
    body = msg.get_body(("plain",)).get_content()
    assert f"- Participation des cadres : 42{NBSP}% (146 cadres membres sur 350)" in body
    assert f"- Heures investies : 16{NNBSP}620{NBSP}h" in body
    assert f"- Budget dépensé (cumul) : 71{NNBSP}591{NBSP}€" in body
    assert "https://cadran.ville.fr/?as_of=2015-06-30&organisation=Ville%20d%27Orl%C3%A9ans" in body

    code = etl_main(
        ["kpis", "--db", str(app_db), "--as-of", "2015-06-30", "--organisation", ORLEANS, "--json"]
    )
    kpis = json.loads(capsys.readouterr().out)
    assert code == 0 and (kpis["member_managers"], kpis["managers"]) == (146, 350)
    files = attachments(msg)
    assert sorted(files) == ["cadran-diaporama-2015-06-30.pptx", "cadran-synthese-2015-06-30.xlsx"]
    assert summary_figures(files["cadran-synthese-2015-06-30.xlsx"]) == pytest.approx(
        {k: kpis[k] for k in NAMES}
    )
    texts = slide_texts(files["cadran-diaporama-2015-06-30.pptx"])
    assert kpis["manager_participation_rate"] == pytest.approx(146 / 350) and f"42{NBSP}%" in texts
    assert kpis["hours_invested"] == 16619.5 and f"16{NNBSP}620{NBSP}h" in texts
    assert kpis["budget_spent_eur"] == 71590.5 and f"71{NNBSP}591{NBSP}€" in texts
    assert [(e["to"], e["status"]) for e in log()] == [(["dg@ville.fr", "drh@ville.fr"], "sent")]


def test_a_dry_run_writes_a_parsable_eml_and_sends_nothing(inbox, app_db, tmp_path):
    out = tmp_path / "brouillons"
    code = etl_main(
        [
            "send",
            "--to",
            "dg@ville.fr",
            "--as-of",
            "2015-06-30",
            "--lang",
            "en",
            "--report",
            "--db",
            str(app_db),
            "--dry-run",
            str(out),
        ]
    )
    assert code == 0
    eml = out / "cadran-2015-06-30.eml"
    assert stat.S_IMODE(eml.stat().st_mode) == 0o600
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == "Cadran — managers' network at 30 June 2015"
    assert msg["From"] == "Cadran <cadran@ville.fr>" and msg["To"] == "dg@ville.fr"
    body = msg.get_body(("plain",)).get_content()
    # the whole demo: 146 member managers of the 480 in post, 146 / 480 = 0.304 → 30%
    assert "- Manager participation: 30% (146 member managers of 480)" in body
    assert "https://cadran.ville.fr/?as_of=2015-06-30&lang=en" in body
    [(name, content)] = attachments(msg).items()
    assert name == "cadran-rapport-2015-06-30.html" and b'<html lang="en">' in content
    assert not inbox.envelopes and not log()  # nothing sent, nothing recorded


# --- subscriptions --------------------------------------------------------------------------


def subscribe(tmp_path) -> None:
    users.add("lecteur@ville.fr", "viewer", "un mot de passe assez long")
    users.add("rh@ville.fr", "hr", "un mot de passe assez long")
    subscriptions.add("lecteur@ville.fr", ["slides"], ORLEANS, "monthly")
    subscriptions.add("rh@ville.fr", ["summary"], None, "weekly", "en")


def test_due_twice_the_same_day_sends_once(inbox, app_db, tmp_path, monkeypatch, capsys):
    """The settings from [smtp] of secrets.toml this time (no CADRAN_SMTP_* in the environment)."""
    for name in SETTINGS:
        monkeypatch.delenv(f"CADRAN_SMTP_{name}")
    monkeypatch.delenv("CADRAN_PUBLIC_URL")
    (tmp_path / "secrets.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {inbox.port}\ntls = "none"\nuser = "{LOGIN}"\n'
        f'password = "{PASSWORD}"\nfrom = "cadran@ville.fr"\n\n[cadran]\npublic_url = "https://cadran.ville.fr/"\n',
        encoding="utf-8",
    )
    subscribe(tmp_path)
    assert etl_main(["send", "--due", "--db", str(app_db)]) == 0
    first = capsys.readouterr()
    assert first.out.splitlines() == [
        "Envoyé à lecteur@ville.fr : cadran-diaporama-2017-12-15.pptx",
        "Envoyé à rh@ville.fr : cadran-synthese-2017-12-15.xlsx",
    ]  # the demo's reference date: the last day something was recorded
    assert [m["Subject"] for m in inbox.messages()] == [
        "Cadran — réseau des cadres au 15 décembre 2017",
        "Cadran — managers' network at 15 December 2017",
    ]
    assert all(s.last_sent for s in subscriptions.load())
    assert etl_main(["send", "--due", "--db", str(app_db)]) == 0
    assert capsys.readouterr().out == "Aucun abonnement à envoyer aujourd'hui.\n"
    assert len(inbox.envelopes) == 2
    assert [e["status"] for e in log()] == ["sent", "sent"]


def test_a_refused_login_exits_non_zero_and_records_nothing_as_sent(
    inbox, app_db, tmp_path, monkeypatch, capsys
):
    subscribe(tmp_path)
    monkeypatch.setenv("CADRAN_SMTP_PASSWORD", "pas le bon mot de passe")
    assert etl_main(["send", "--due", "--db", str(app_db)]) == 1
    said = capsys.readouterr()
    assert said.err.splitlines() == [
        "Erreur : identifiant SMTP refusé par 127.0.0.1 : 535 5.7.8 Authentication credentials invalid"
    ]  # one line: the run stops at the first refusal, the second would be refused alike
    assert not inbox.envelopes
    assert [s.last_sent for s in subscriptions.load()] == [None, None]
    assert [(e["status"], e["reason"]) for e in log()] == [("failed", "auth")]
    monkeypatch.setenv("CADRAN_SMTP_PASSWORD", PASSWORD)  # the right one: both are still due
    assert etl_main(["send", "--due", "--db", str(app_db)]) == 0
    assert len(inbox.envelopes) == 2


def test_a_refused_recipient_sends_to_nobody(inbox, app_db, capsys):
    inbox.refuse.add("parti@ville.fr")
    code = etl_main(
        ["send", "--to", "dg@ville.fr,parti@ville.fr", "--deck", "--as-of", "2015-06-30", "--db", str(app_db)]
    )
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "Erreur : destinataire refusé par le serveur : parti@ville.fr (550 5.1.1 Destinataire inconnu) ; "
        "le message n'est parti à personne"
    ]
    assert not inbox.envelopes  # dg@ville.fr was accepted, yet got nothing: RSET before DATA
    assert [(e["status"], e["reason"]) for e in log()] == [("failed", "refused")]


def test_a_server_down_exits_non_zero_with_one_line(inbox, app_db, monkeypatch, capsys):
    port = free_port()  # nobody listens there
    monkeypatch.setenv("CADRAN_SMTP_PORT", str(port))
    code = etl_main(["send", "--to", "dg@ville.fr", "--deck", "--as-of", "2015-06-30", "--db", str(app_db)])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"Erreur : serveur SMTP injoignable (127.0.0.1:{port}) : Connection refused"
    ]
    assert [(e["status"], e["reason"]) for e in log()] == [("failed", "unreachable")]


# --- what each role gets ----------------------------------------------------------------------

STAFF = """person_id,organisation,direction,is_manager,hire_date,leave_date,first_name,last_name,email
P1,Ville,DG,oui,2010-01-01,,Anne,Durand,anne.durand@ville.fr
P2,Ville,DG,non,2010-01-01,,Zoé,Quillet,zoe.quillet@ville.fr
P3,Agglo,RH,oui,2010-01-01,,Paul,Petit,paul.petit@agglo.fr
"""
# a rejected row whose value read is a person's e-mail: only HR and admin may read it
MEMBERS = "person_id,joined_on,role\nP1,2014-01-01,pilote\nzoe.quillet@ville.fr,2014-02-01,membre\n"


@pytest.fixture(scope="module")
def named_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("named")
    source = write_source(folder / "source", {"staff.csv": STAFF, "members.csv": MEMBERS})
    return load(source, folder / "named.duckdb").db


def xml_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))


@pytest.mark.parametrize(
    "to, values",
    [
        (["lecteur@ville.fr"], False),
        (["scene@ville.fr"], False),
        (["inconnu@ville.fr"], False),
        (["rh@ville.fr", "lecteur@ville.fr"], False),
        (["rh@ville.fr"], True),
        (["dsi@ville.fr"], True),
    ],
    ids=["viewer", "presenter", "no-account", "hr-and-viewer", "hr", "admin"],
)
def test_a_viewers_attachments_name_nobody(inbox, named_db, to, values):
    """Viewers and presenters (and an address without an account) get the viewer's summary: no
    name and no value of a rejected row; a message to HR and a viewer is the viewer's."""
    for email_, role in (
        ("lecteur@ville.fr", "viewer"),
        ("scene@ville.fr", "presenter"),
        ("rh@ville.fr", "hr"),
        ("dsi@ville.fr", "admin"),
    ):
        users.add(email_, role, "un mot de passe assez long")
    scope = Scope(dt.date(2015, 6, 30))
    outcome = mail.send(to, ("summary", "slides", "report"), scope, named_db)
    assert outcome.status == "sent"
    [msg] = inbox.messages()
    files = attachments(msg)
    text = " ".join(
        [
            msg.get_body(("plain",)).get_content(),
            xml_text(files["cadran-synthese-2015-06-30.xlsx"]),
            xml_text(files["cadran-diaporama-2015-06-30.pptx"]),
            files["cadran-rapport-2015-06-30.html"].decode(),
        ]
    )
    assert_no_names(named_db, text)
    assert ("zoe.quillet" in text) is values  # the rejected value: for HR and admin alone


# --- settings -----------------------------------------------------------------------------------


def test_without_smtp_settings_nothing_is_built_and_the_failure_is_recorded(
    inbox, app_db, monkeypatch, capsys
):
    monkeypatch.delenv("CADRAN_SMTP_HOST")
    assert etl_main(["send", "--to", "dg@ville.fr", "--db", str(app_db)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "Erreur : SMTP non configuré : définissez CADRAN_SMTP_HOST et CADRAN_SMTP_FROM (ou host et from "
        "dans la section [smtp] de .streamlit/secrets.toml)"
    ]
    assert [(e["status"], e["reason"]) for e in log()] == [("failed", "no_smtp")]


@pytest.mark.parametrize("name, value", [("TLS", "ssl"), ("PORT", "vingt-cinq"), ("FROM", "cadran")])
def test_a_bad_setting_is_named(inbox, monkeypatch, name, value):
    monkeypatch.setenv(f"CADRAN_SMTP_{name}", value)
    with pytest.raises(mail.MailError) as refused:
        mail.settings()
    assert refused.value.code == "bad_setting" and refused.value.values == {
        "name": f"CADRAN_SMTP_{name}",
        "value": value,
    }


def test_no_password_goes_unencrypted_to_another_machine(monkeypatch):
    smtp = mail.Smtp("smtp.ville.fr", 25, "none", "cadran@ville.fr", LOGIN, PASSWORD)
    with pytest.raises(mail.MailError) as refused:  # refused before any connection
        mail.deliver(
            message.message(message.Report("s", "b", ()), smtp.sender, ["a@ville.fr"]), ["a@ville.fr"], smtp
        )
    assert str(refused.value) == (
        "mot de passe refusé sur une connexion non chiffrée vers smtp.ville.fr : CADRAN_SMTP_TLS=starttls ou tls"
    )


def test_due_takes_the_subscriptions_as_they_are(capsys):
    assert etl_main(["send", "--due", "--summary"]) == 2
    assert "--due envoie chaque abonnement tel qu'il est enregistré" in capsys.readouterr().err
