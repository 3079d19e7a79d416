"""Name pools of the behavioural suite: invented combinations of common names.

Disjoint from the pools of the training-data generator (``data/templates/generate.py``;
``test_behaviour.py`` checks it), so the suite measures forms, not memorised names.
"""

from __future__ import annotations


def words(s: str) -> list[str]:
    """``"a, b c, d"`` -> ``["a", "b c", "d"]``."""
    return [w.strip() for w in s.split(",") if w.strip()]


GIVEN: dict[str, dict[str, list[str]]] = {
    "chinese": {
        "f": words("Lihua, Xinyi, Yanmei, Qiuyue, Mingzhu"),
        "m": words("Weidong, Jiahao, Zhiqiang, Yifan, Chenglong"),
    },
    "indian": {
        "f": words("Ananya, Deepika, Priyanka, Sunita, Aarti"),
        "m": words("Rajesh, Vikram, Arjun, Sandeep, Karthik"),
    },
    "arabic": {
        "f": words("Fatima, Layla, Amira, Huda, Zainab"),
        "m": words("Omar, Karim, Mahmoud, Faisal, Rashid"),
    },
    "african": {
        "f": words("Ngozi, Amara, Nia, Efua, Lindiwe"),
        "m": words("Chinedu, Kwame, Jabari, Themba, Yaw"),
    },
    "latin": {
        "f": words("Lucía, Gabriela, Fernanda, Isabela, Carolina"),
        "m": words("Alejandro, Diego, Andrés, Ricardo, Felipe"),
    },
    "european": {
        "f": words("Katarina, Elise, Giulia, Magdalena, Annika, Chiara"),
        "m": words("Jonas, Pierre, Marco, Stefan, Lars, Dimitri"),
    },
    "korean": {"f": words("Soo-jin, Ha-eun, Yoo-na"), "m": words("Min-ho, Joon-young, Seung-woo")},
    "japanese": {"f": words("Yuki, Emi, Aiko"), "m": words("Haruto, Ren, Kazuki")},
    "anglo": {"f": words("Eleanor, Claire, Naomi"), "m": words("Oliver, Edmund, Patrick")},
    "persian": {"f": words("Shirin, Leila"), "m": words("Arash, Farhad")},
    "turkish": {"f": words("Zeynep, Selin"), "m": words("Murat, Kerem")},
    "vietnamese": {"f": words("Linh, Mai"), "m": words("Minh, Duc")},
    "indonesian": {"f": words("Dewi, Putri"), "m": words("Adi, Wahyu")},
    "ukrainian": {"f": words("Oksana, Halyna"), "m": words("Mykola, Andriy")},
}

SURNAMES: dict[str, list[str]] = {
    "chinese": words("Wang, Liu, Chen, Huang, Zhao, Wu, Sun, Ma, Hu, Gao, Lin, Tian"),
    "indian": words("Sharma, Iyer, Reddy, Nair, Gupta, Banerjee, Joshi, Rao"),
    "arabic": words("Al-Amin, Barakat, Hijazi, Qasim, Aziz, Sabbagh"),
    "african": words("Obi, Mensah, Ndlovu, Otieno, Abubakar, Asante, Okafor, Banda"),
    "latin": words("García, Mendoza, Rojas, Fuentes, Castillo, Navarro, Ibáñez, Pereira"),
    "european": words("Novak, Bergström, Rossi, Schneider, Moreau, Jansen, Keller, Lefèvre, Costa"),
    "korean": words("Kim, Park, Lee, Choi, Kang"),
    "japanese": words("Tanaka, Suzuki, Watanabe, Yamamoto, Sato"),
    "anglo": words("Fairbanks, Holloway, Kingsley, Marsh, Pritchard"),
    "persian": words("Karimi, Jafari"),
    "turkish": words("Yılmaz, Çelik"),
    "vietnamese": words("Tran, Vu"),
    "indonesian": words("Wijaya, Kusuma"),
    "ukrainian": words("Petrenko, Melnyk"),
}

COMPANY_HEADS = words(
    "Acorn, Brightline, Cobalt, Driftwood, Emberly, Foxglove, Granite, Halden, Juniper, Kinetica, "
    "Lattice, Northwind, Orchid, Quasar, Redwood, Sable, Tidewater, Umbra, Vireo, Wavecrest, Yarrow"
)
COMPANY_TAILS = words(
    "Systems, Technologies, Therapeutics, Airways, Studios, Materials, Genomics, Financial, "
    "Mobility, Instruments, Retail, Games"
)
COMPANY_SUFFIXES = ["", "", "", " Inc.", " Ltd.", " LLC", " Co."]

PLACES = words(
    "Ardmore, Bellhaven, Coldbrook, Glenrock, Hollins Ridge, Larkspur, Oakhurst, Pinecrest, "
    "Redcliff, Southmere, Thornfield, Upton Vale, Wexley, Ambergate"
)
UNIVERSITY_FORMS = ["University of {p}", "{p} University", "{p} Institute of Technology", "{p} College"]
LAB_FIELDS = words(
    "Machine Perception, Synthetic Biology, Ocean Acoustics, Human-Robot Interaction, Plasma Physics, "
    "Neural Computation"
)
LAB_FORMS = ["{f} Lab", "{f} Laboratory", "{f} Group", "Center for {f}"]
ORCHESTRA_FORMS = ["{p} Symphony Orchestra", "{p} Philharmonic", "{p} Chamber Orchestra"]
BANDS = words("Neon Harbor, Static Gardens, Rust Belt Choir")
TEAMS = words("Glenrock Mariners, Oakhurst Wolves, Redcliff United")
PARTIES = words("Liberal Renewal Party, People's Progress Party, United Labour Front")

# Entity checks (issue 14): names that trip up typing.
GIVEN_NAME_COMPANIES = [
    "Morgan Whitfield & Co.",
    "Grace Albright Associates",
    "Warren Castell & Partners",
    "Harrison Doyle Capital",
    "Beatrice Lowell Designs",
    "Stanley Crane Logistics",
]
PLACE_SURNAMES = words("Toledo, Lincoln, Kingston, Vienna, Cairo, Chester, Austin, Lisbon, Valencia, Denver")
TRANSLITERATED = [
    "Aleksandr Volkov",
    "Yevgenia Sokolova",
    "Zhang Xiaoming",
    "Abdulaziz Al-Rashidi",
    "Tenzin Norbu",
    "Giorgi Beridze",
    "Oyunbileg Batbayar",
    "Siddhartha Mukhopadhyay",
    "Nguyen Thi Hoa",
    "Nurlan Abenov",
]
FIELDS_CAPS = words(
    "Computer Science, Signal Processing, Materials Science, Public Policy, Machine Learning, "
    "Chemical Engineering, Comparative Literature"
)
DEGREES_CAPS = words("Master of Business Administration, Bachelor of Engineering, Doctor of Philosophy")
POSTS_CAPS = words(
    "Chief Operating Officer, Vice President of Sales, Chief Financial Officer, Head of Research, "
    "Managing Director"
)
ACRONYM_INSTITUTIONS = [
    "{p} Institute of Technology",
    "National Institute for {f}",
    "{p} Polytechnic University",
]

VOCAB: dict[str, list[str]] = {
    "role_a": words(
        "a software engineer, an accountant, a nurse, a reporter, a designer, an analyst, "
        "a pharmacist, a lawyer, a consultant, a product manager"
    ),
    "exec": words(
        "chief executive officer, chief executive, director of engineering, head of marketing, "
        "senior vice president, chief marketing officer, editor-in-chief"
    ),
    "comp": words("chief executive, researcher, engineer, economist, spokesperson, analyst"),
    "acad_a": words(
        "a professor of physics, an assistant professor of economics, a research scientist, "
        "a postdoctoral researcher, a lecturer in history, a professor of sociology"
    ),
    "field": words("physics, economics, mathematics, neuroscience, geology, philosophy, computer science"),
    "fieldc": FIELDS_CAPS,
    "city": words("Lagos, Bogotá, Hanoi, Kraków, Muscat, Cusco, Bergen, Pune, Busan, Sapporo"),
    "topic": words("dark matter, crop yields, sleep, urban housing, black holes, language acquisition"),
    "n": words("two, four, six, nine, ten"),
}
