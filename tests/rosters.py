"""Realistic rosters for tests: names in several scripts, bad rows, a duplicate person."""

from __future__ import annotations

HEADER = ["full_name", "sex", "organization", "sector", "position", "country", "email", "phone"]

GOOD = [
    [
        "Aigerim Nurlanovna Bekova",
        "F",
        "Ministry of Ecology",
        "environment",
        "Head of Unit",
        "KZ",
        "a.bekova@ecology.gov.kz",
        "+7 701 000 0001",
    ],
    [
        "Асель Жумабаева",
        "Ж",
        "Министерство по чрезвычайным ситуациям",
        "Управление риском бедствий",
        "Эксперт",
        "Казахстан",
        "asel@mchs.gov.kz",
        "",
    ],
    [
        "Дмитрий Иванов",
        "М",
        "Министерство иностранных дел",
        "foreign affairs",
        "Советник",
        "RU",
        "d.ivanov@mid.ru",
        "",
    ],
    [
        "José Ramírez Peña",
        "hombre",
        "Ministerio de Ambiente",
        "Medio ambiente",
        "Director",
        "Colombia",
        "jramirez@minambiente.gov.co",
        "",
    ],
    [
        "María Fernanda Gómez",
        "mujer",
        "Unidad Nacional para la Gestión del Riesgo",
        "disaster risk management",
        "Asesora",
        "CO",
        "mfgomez@gestiondelriesgo.gov.co",
        "",
    ],
    [
        "Amélie Dubois-Léger",
        "femme",
        "Ministère de l'Environnement",
        "Environnement",
        "Chargée de mission",
        "Sénégal",
        "amelie.dubois@environnement.gouv.sn",
        "",
    ],
    [
        "Moussa Diop",
        "homme",
        "Ministère de l'Intérieur",
        "Migration et affaires intérieures",
        "Directeur adjoint",
        "SN",
        "m.diop@interieur.gouv.sn",
        "",
    ],
    [
        "Grace Mwakyusa",
        "female",
        "Vice President's Office – Environment",
        "climate change",
        "Climate Officer",
        "Tanzania",
        "grace.mwakyusa@vpo.go.tz",
        "",
    ],
    [
        "Juma Hamisi",
        "male",
        "Prime Minister's Office – Disaster Management",
        "DRR",
        "Coordinator",
        "TZ",
        "",
        "+255 22 000 000",
    ],
    [
        "Nguyễn Thị Lan",
        "F",
        "Ministry of Natural Resources and Environment",
        "environment",
        "Researcher",
        "VN",
        "lan.nt@monre.gov.vn",
        "",
    ],
    [
        "Samira El Amrani",
        "F",
        "Ministère de l'Agriculture",
        "agriculture",
        "Ingénieure",
        "MA",
        "s.elamrani@agri.gov.ma",
        "",
    ],
    [
        "Tomás Quispe",
        "M",
        "Ministerio de Relaciones Exteriores",
        "Relaciones exteriores",
        "Ministro consejero",
        "Perú",
        "tquispe@rree.gob.pe",
        "",
    ],
    [
        "Bakhyt Seitkali",
        "M",
        "Ministry of Agriculture",
        "agriculture",
        "Analyst",
        "KZ",
        "b.seitkali@moa.gov.kz",
        "",
    ],
    [
        "Ольга Петренко",
        "Ж",
        "Академия наук",
        "Научные круги",
        "Научный сотрудник",
        "KZ",
        "o.petrenko@science.kz",
        "",
    ],
    [
        "Françoise N'Diaye",
        "F",
        "Croix-Rouge",
        "Société civile",
        "Coordinatrice",
        "SN",
        "f.ndiaye@croixrouge.sn",
        "",
    ],
    [
        "Kenji Watanabe",
        "prefer not to say",
        "IOM",
        "international organisation",
        "Programme Officer",
        "JP",
        "kwatanabe@iom.int",
        "",
    ],
    [
        "Leila Haddad",
        "F",
        "Ministry of Planning",
        "land management and planning",
        "Planner",
        "Jordan",
        "l.haddad@mop.gov.jo",
        "",
    ],
    ["Pedro Alves", "M", "University of Lisbon", "academia", "Professor", "PT", "p.alves@ulisboa.pt", ""],
    [
        "Zarina Tokhtarova",
        "F",
        "Ministry of Ecology",
        "environment",
        "Specialist",
        "KZ",
        "z.tokhtarova@ecology.gov.kz",
        "",
    ],
    [
        "Éric Lefèvre",
        "M",
        "Ministère des Affaires étrangères",
        "Affaires étrangères",
        "Conseiller",
        "France",
        "eric.lefevre@diplomatie.gouv.fr",
        "",
    ],
]

DUPLICATE = [
    "AIGERIM NURLANOVNA BEKOVA",
    "F",
    "Ministry of Ecology",
    "environment",
    "Head of Department",
    "KZ",
    "A.Bekova@Ecology.gov.kz",
    "",
]

BAD = [
    ["", "F", "Ministry", "environment", "", "KZ", "nobody@example.org", ""],  # no name
    ["Unknown Sector Person", "M", "Ministry", "astrology", "", "KZ", "usp@example.org", ""],  # sector
    ["Bad Email", "F", "Ministry", "environment", "", "KZ", "not-an-email", ""],  # e-mail
    ["Nowhere Person", "M", "Ministry", "environment", "", "Atlantis", "np@example.org", ""],  # country
]


def scenario_rows() -> list[list[str]]:
    """25 data rows: 20 good people, 1 duplicate of the first, 4 bad rows (interleaved)."""
    rows = [*list(GOOD[:10]), BAD[0], *GOOD[10:15], BAD[1], DUPLICATE, BAD[2], *GOOD[15:], BAD[3]]
    assert len(rows) == 25
    return rows
