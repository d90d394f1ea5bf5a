"""Who held an office on a day, by the package's curated KB: the facts the KB tests check
through ``KnowledgeBase.holder`` (``test_kb_cabinets.py``) and the ``who`` command
(``test_kb_commands.py``)."""

from __future__ import annotations

#: Heads of state and government (and two ministers), handovers included; ``who`` answers
#: these too: (office, day, holder).
HEADS_ON_DAYS = [
    ("President of Russia", "2011-11-18", "Dmitry Medvedev"),
    ("President of Russia", "2012-05-08", "Vladimir Putin"),
    ("Prime Minister of Russia", "2011-11-18", "Vladimir Putin"),
    ("President of Kyrgyzstan", "2011-11-18", "Roza Otunbayeva"),
    ("President of Kyrgyzstan", "2011-12-02", "Almazbek Atambayev"),
    ("President of Kazakhstan", "2019-03-19", "Nursultan Nazarbayev"),
    ("President of Kazakhstan", "2019-03-21", "Kassym-Jomart Tokayev"),
    ("President of Belarus", "2011-11-18", "Alexander Lukashenko"),
    ("President of Ukraine", "2013-11-21", "Viktor Yanukovych"),
    ("President of Armenia", "2013-09-03", "Serzh Sargsyan"),
    ("Minister of Industry and Trade of Russia", "2011-11-18", "Viktor Khristenko"),
    ("Minister of Defence of Ukraine", "2015-02-18", "Stepan Poltorak"),
]

#: Cabinets, security services, speakers, spokespeople and envoys: (office, day, holder).
CABINET_ON_DAYS = [
    ("Minister of Defence of Russia", "2015-06-01", "Sergei Shoigu"),
    ("Russian Defence Minister", "2024-06-01", "Andrei Belousov"),
    ("Minister of Finance of Russia", "2010-06-01", "Alexei Kudrin"),
    ("Minister of Internal Affairs of Ukraine", "2014-05-02", "Arsen Avakov"),
    ("Minister of Defence of Belarus", "2015-01-10", "Andrei Ravkov"),
    ("Minister of Defence of Kazakhstan", "2015-03-01", "Imangali Tasmagambetov"),
    ("Director of the Federal Security Service of Russia", "2014-03-01", "Alexander Bortnikov"),
    (
        "Director of the Foreign Intelligence Service of Russia",
        "2017-01-01",
        "Sergey Naryshkin",
    ),
    ("Head of the Security Service of Ukraine", "2014-03-01", "Valentyn Nalyvaichenko"),
    (
        "Spokesperson of the Ministry of Foreign Affairs of Russia",
        "2016-01-01",
        "Maria Zakharova",
    ),
    ("Chairman of the State Duma", "2017-01-01", "Vyacheslav Volodin"),
    ("Speaker of the Verkhovna Rada", "2014-03-01", "Oleksandr Turchynov"),
    (
        "Permanent Representative of Russia to the United Nations",
        "2014-03-01",
        "Vitaly Churkin",
    ),
    ("U.S. Ambassador to the United Nations", "2014-03-01", "Samantha Power"),
    ("United States Secretary of Defense", "2014-03-01", "Chuck Hagel"),
    ("United States Secretary of the Treasury", "2014-03-01", "Jack Lew"),
    ("Speaker of the House of Representatives", "2019-11-13", "Nancy Pelosi"),
    ("Director of the Central Intelligence Agency", "2014-03-01", "John Brennan"),
    ("White House Press Secretary", "2014-03-01", "Jay Carney"),
    ("Head of the Donetsk People's Republic", "2015-02-18", "Alexander Zakharchenko"),
]
