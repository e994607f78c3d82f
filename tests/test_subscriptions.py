"""Subscriptions to the report by e-mail: when one is due, the private file they live
in, the form on the Users page (admin) and the latest e-mails on the Data page (HR)."""

from __future__ import annotations

import datetime as dt
import stat

import pytest
from streamlit.testing.v1 import AppTest

from etl.admin import subscriptions, users
from tests.conftest import ROOT
from ui import auth

PASSWORD = "un mot de passe assez long"
ADMIN, OTHER_ADMIN, VIEWER = "dsi@ville.fr", "dsi2@ville.fr", "lecteur@ville.fr"


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    """Accounts in tmp_path (the subscriptions beside them, in tmp_path/data/mail)."""
    path = tmp_path / "data" / "users.json"
    monkeypatch.setenv("CADRAN_USERS", str(path))
    users.add(ADMIN, "admin", PASSWORD)
    users.add(OTHER_ADMIN, "admin", PASSWORD)
    users.add(VIEWER, "viewer", PASSWORD)
    return path


# --- when a subscription is due ---------------------------------------------------------------


@pytest.mark.parametrize(
    "frequency, last_sent, today, due",
    [
        ("monthly", None, "2026-04-15", True),
        ("monthly", "2026-03-31", "2026-04-01", True),  # a new month
        ("monthly", "2026-04-01", "2026-04-30", False),  # sent in this month
        ("weekly", "2026-04-05", "2026-04-06", True),  # Sunday, then Monday: a new ISO week
        ("weekly", "2026-04-06", "2026-04-12", False),  # Monday, then Sunday: the same week
    ],
)
def test_due_once_per_period(frequency, last_sent, today, due):
    sub = subscriptions.Subscription(1, VIEWER, "viewer", ("summary",), None, frequency, "fr", last_sent)
    assert subscriptions.is_due(sub, dt.date.fromisoformat(today)) is due


def test_the_file_is_private_and_a_subscription_follows_an_account(accounts):
    sub = subscriptions.add(" Lecteur@Ville.fr ", ["slides", "summary"], "Ville d'Orléans", "weekly")
    assert (sub.n, sub.email, sub.role, sub.documents) == (1, VIEWER, "viewer", ("summary", "slides"))
    folder = accounts.parent / "mail"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "subscriptions.json").stat().st_mode) == 0o600
    # the same account, organisation and frequency again: its documents change, no second one
    again = subscriptions.add(VIEWER, ["report"], "Ville d'Orléans", "weekly", "en")
    assert [(s.n, s.documents, s.lang) for s in subscriptions.load()] == [(1, ("report",), "en")]
    assert again.n == 1
    with pytest.raises(users.UserError) as refused:
        subscriptions.add("personne@ville.fr", ["summary"])
    assert refused.value.code == "unknown_user"
    with pytest.raises(users.UserError) as refused:
        subscriptions.add(VIEWER, [])
    assert refused.value.code == "no_document"
    subscriptions.mark_sent(1, dt.date(2026, 4, 6))
    assert subscriptions.load()[0].last_sent == "2026-04-06"
    assert subscriptions.remove(1) and not subscriptions.remove(1)
    assert subscriptions.load() == []


# --- the Users page ---------------------------------------------------------------------------


def users_page(app_db, monkeypatch) -> AppTest:
    """The Users page, run as a page file, for the administrator ADMIN, on the demo."""
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_file(str(ROOT / "pages/admin.py"), default_timeout=60)
    at.session_state[auth.SESSION_KEY] = ADMIN
    at.session_state["_legacy_pages_rerouted"] = True  # past the router's one-time reroute
    at.run()
    assert not at.exception and not at.error
    return at


def subscribe_button(at: AppTest):
    return next(b for b in at.button if b.label == "Abonner")


def test_an_admin_subscribes_an_account_then_removes_it_after_a_confirmation(accounts, app_db, monkeypatch):
    at = users_page(app_db, monkeypatch)
    assert "Aucun abonnement." in [i.value for i in at.info]
    at.selectbox(key="sub_email").set_value(VIEWER)
    at.multiselect(key="sub_documents").set_value(["slides"])
    at.selectbox(key="sub_organisation").set_value("Ville d'Orléans")
    at.selectbox(key="sub_frequency").set_value("weekly")
    subscribe_button(at).click().run()
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["Abonnement n° 1 enregistré : lecteur@ville.fr, Hebdomadaire."]
    assert [(s.email, s.role, s.documents, s.organisation, s.frequency) for s in subscriptions.load()] == [
        (VIEWER, "viewer", ("slides",), "Ville d'Orléans", "weekly")
    ]
    listing = next(d.value for d in at.dataframe if "Fréquence" in d.value.columns)
    assert listing.iloc[0].to_dict() == {
        "N°": "1",
        "Adresse e-mail": VIEWER,
        "Rôle": "direction générale",
        "Documents joints": "Diaporama (PowerPoint)",
        "Collectivité": "Ville d'Orléans",
        "Fréquence": "Hebdomadaire",
        "Langue du message": "Français",
        "Dernier envoi": "—",
    }

    assert at.button(key="sub_remove").disabled  # not before the confirmation
    assert (
        at.checkbox(key="sub_remove_sure").label
        == "Je confirme : supprimer l'abonnement n° 1 (lecteur@ville.fr)"
    )
    at.checkbox(key="sub_remove_sure").check().run()
    at.button(key="sub_remove").click().run()
    assert [s.value for s in at.success] == ["Abonnement n° 1 supprimé."]
    assert subscriptions.load() == []


def test_a_subscription_without_a_document_is_refused(accounts, app_db, monkeypatch):
    at = users_page(app_db, monkeypatch)
    at.multiselect(key="sub_documents").set_value([])
    subscribe_button(at).click().run()
    assert [e.value for e in at.error] == [
        "Choisissez au moins un document : synthèse, diaporama ou rapport."
    ]
    assert subscriptions.load() == []


def test_a_removal_replayed_by_a_former_admin_removes_nothing(accounts, app_db, monkeypatch):
    subscriptions.add(VIEWER, ["summary"])
    at = users_page(app_db, monkeypatch)
    at.checkbox(key="sub_remove_sure").check().run()
    users.add(ADMIN, "hr")  # demoted between the page drawn and the click
    at.button(key="sub_remove").click().run()
    assert not at.success
    assert len(subscriptions.load()) == 1


# --- the Data page ----------------------------------------------------------------------------


def test_the_data_page_lists_the_latest_emails_with_why_one_failed(app, tmp_path, monkeypatch):
    monkeypatch.setenv("CADRAN_USERS", str(tmp_path / "data" / "users.json"))
    subscriptions.record(
        {
            "to": ["dg@ville.fr"],
            "subscription": None,
            "documents": ["summary", "slides"],
            "as_of": "2015-06-30",
            "organisation": None,
            "status": "sent",
            "reason": None,
            "values": {},
        }
    )
    subscriptions.record(
        {
            "to": ["rh@ville.fr"],
            "subscription": 2,
            "documents": ["summary"],
            "as_of": "2015-06-30",
            "organisation": None,
            "status": "failed",
            "reason": "unreachable",
            "values": {"host": "smtp.ville.fr", "port": "587", "detail": "Connection refused"},
        }
    )
    at = app("pages/data.py")
    shown = next(d.value for d in at.dataframe if "Statut" in d.value.columns)
    assert shown[["Destinataires", "Documents", "Situation au", "Statut", "Motif"]].values.tolist() == [
        [
            "rh@ville.fr",
            "Synthèse (Excel)",
            "30 juin 2015",
            "Échec",
            "serveur SMTP injoignable (smtp.ville.fr:587) : Connection refused",
        ],
        ["dg@ville.fr", "Synthèse (Excel), Diaporama (PowerPoint)", "30 juin 2015", "Envoyé", ""],
    ]  # newest first
