"""The training and time page: sessions, attendance, hours invested."""

TEXTS: dict[str, tuple[str, str]] = {
    "training.sessions": ("Rencontres par type et par mois", "Sessions by kind and month"),
    "training.sessions_count": ("Rencontres", "Sessions"),
    "training.statuses": ("Inscriptions, présences et absences", "Registrations, attendance and no-shows"),
    "training.registrations": ("Inscriptions", "Registrations"),
    "training.no_show_rate": ("Taux d'absence", "No-show rate"),
    "training.unique": ("Participants distincts", "Unique participants"),
    "training.tab.sessions": ("Rencontres et présences", "Sessions and attendance"),
    "training.tab.hours": ("Temps investi", "Time invested"),
    "training.hours_month": ("Heures investies par mois", "Hours invested by month"),
    "training.hours_by": ("Heures investies par", "Hours invested by"),
    "training.top": ("Rencontres les plus suivies", "Most attended sessions"),
    "training.attended": ("Présents", "Attended"),
    "registrations": ("Inscriptions", "Registrations"),
    "attended": ("Présents", "Attended"),
    "day": ("Date", "Date"),
    "joiners": ("Adhérents", "Joiners"),
    "staff": ("Agents en poste", "Staff in post"),
    "rate": ("Taux de participation", "Participation rate"),
    "training.dimension": ("Ventilation des heures", "Hours breakdown"),
    "training.period_note": ("Période : {start} – {end}", "Period: {start} – {end}"),
    "training.per_participant": (
        "Heures par participant et par collectivité",
        "Hours per participant by organisation",
    ),
    "training.per_participant.help": (
        "Heures investies par les agents de la collectivité (rencontres et contributions), divisées "
        "par le nombre de ces agents qui ont participé, membres du réseau ou non (entre parenthèses).",
        "Hours invested by the organisation's staff (sessions and contributions), divided by how "
        "many of them took part, network members or not (in brackets).",
    ),
}
