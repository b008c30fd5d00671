"""What to cite: foedus, the data sets it reads and the published models it implements (data only).

:data:`REFERENCES` maps a citation key to a BibTeX entry type and its fields (BibTeX source:
``--`` for an en dash, braces to keep capitals); ``foedus cite`` (:mod:`foedus.cli.cite`) prints
them as text or BibTeX. The other tables say which keys an output owes:

- :data:`DATA_FILES`: a data file of the shared records (its path under the data folder, as the
  scenarios' ``sources`` and the exports' ``data_files`` name it) -> keys;
- :data:`STEP_MODELS`: a step of the simulated year (:data:`foedus.sim.steps.DEFAULT_STEPS`)
  -> the published models it implements (from the docstrings of :mod:`foedus.theory`);
- :data:`COMMAND_MODELS`: a command whose output rests on a published model -> keys;
- :data:`RECORD_KEYS`: the historical record as ``foedus`` imports it (ATOP 5.1 + COW).

Citations follow ``../shared/data/README.md`` (each data set's requested citation) and the
References sections of the theory modules.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

FOEDUS_KEY = "foedus"
"""Key of foedus itself (the software; see also ``CITATION.cff``)."""

_R: dict[str, tuple[str, dict[str, str]]] = {
    # --- the software -------------------------------------------------------------------------
    "foedus": ("misc", {
        "author": "{The foedus authors}",
        "title": "foedus: a laboratory for military alliances and coalitions in the international system",
        "year": "2026", "version": "0.1.0", "howpublished": "Python package", "note": "MIT licence",
    }),
    # --- data sets ----------------------------------------------------------------------------
    "leeds2002atop": ("article", {
        "author": "Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara McLaughlin and Long, Andrew G.",
        "title": "Alliance Treaty Obligations and Provisions, 1815--1944",
        "journal": "International Interactions", "year": "2002", "volume": "28", "number": "3", "pages": "237--260",
        "doi": "10.1080/03050620213653",
    }),
    "leeds2022atopcodebook": ("manual", {
        "author": "Leeds, Brett Ashley", "title": "Alliance Treaty Obligations and Provisions ({ATOP}) Codebook, Version 5.1",
        "organization": "Rice University", "year": "2022", "url": "http://www.atopdata.org",
    }),
    "leeds2005institutionalization": ("article", {
        "author": "Leeds, Brett Ashley and Anac, Sezi",
        "title": "Alliance Institutionalization and Alliance Performance",
        "journal": "International Interactions", "year": "2005", "volume": "31", "number": "3", "pages": "183--202",
        "doi": "10.1080/03050620500294135",
    }),
    "singer1972capability": ("incollection", {
        "author": "Singer, J. David and Bremer, Stuart and Stuckey, John",
        "title": "Capability Distribution, Uncertainty, and Major Power War, 1820--1965",
        "booktitle": "Peace, War, and Numbers", "editor": "Russett, Bruce", "publisher": "Sage",
        "address": "Beverly Hills", "year": "1972", "pages": "19--48",
    }),
    "singer1987reconstructing": ("article", {
        "author": "Singer, J. David",
        "title": "Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816--1985",
        "journal": "International Interactions", "year": "1987", "volume": "14", "number": "2", "pages": "115--132",
    }),
    "cow2017states": ("misc", {
        "author": "{Correlates of War Project}", "title": "State System Membership List, v2016", "year": "2017",
        "url": "https://correlatesofwar.org",
    }),
    "stinnett2002contiguity": ("article", {
        "author": "Stinnett, Douglas M. and Tir, Jaroslav and Schafer, Philip and Diehl, Paul F. and Gochman, Charles",
        "title": "The Correlates of War Project Direct Contiguity Data, Version 3",
        "journal": "Conflict Management and Peace Science", "year": "2002", "volume": "19", "number": "2", "pages": "59--67",
    }),
    "sarkees2010resort": ("book", {
        "author": "Sarkees, Meredith Reid and Wayman, Frank Whelon", "title": "Resort to War: 1816--2007",
        "publisher": "CQ Press", "address": "Washington, DC", "year": "2010",
    }),
    "thompson2011handbook": ("book", {
        "author": "Thompson, William R. and Dreyer, David R.", "title": "Handbook of International Rivalries, 1494--2010",
        "publisher": "CQ Press", "address": "Washington, DC", "year": "2011", "note": "copyright 2012",
    }),
    "thompson2021analyzing": ("book", {
        "author": "Thompson, William R. and Sakuwa, Kentaro and Suhas, Prashant Hosur",
        "title": "Analyzing Strategic Rivalries in World Politics", "publisher": "Springer", "year": "2021",
    }),
    "palmer2022mid5": ("article", {
        "author": "Palmer, Glenn and McManus, Roseanne W. and D'Orazio, Vito and Kenwick, Michael R. and Karstens, Mikaela "
                  "and Bloch, Chase and Dietrich, Nick and Kahn, Kayla and Ritter, Kellan and Soules, Michael J.",
        "title": "The {MID5} Dataset, 2011--2014: Procedures, Coding Rules, and Description",
        "journal": "Conflict Management and Peace Science", "year": "2022", "volume": "39", "number": "4", "pages": "470--482",
    }),
    "gibler2016mid": ("article", {
        "author": "Gibler, Douglas M. and Miller, Steven V. and Little, Erin K.",
        "title": "An Analysis of the Militarized Interstate Dispute ({MID}) Dataset, 1816--2001",
        "journal": "International Studies Quarterly", "year": "2016", "volume": "60", "number": "4", "pages": "719--730",
    }),
    "gibler2005arms": ("article", {
        "author": "Gibler, Douglas M. and Rider, Toby J. and Hutchison, Marc L.",
        "title": "Taking Arms Against a Sea of Troubles: Conventional Arms Races during Periods of Rivalry",
        "journal": "Journal of Peace Research", "year": "2005", "volume": "42", "number": "2", "pages": "131--147",
    }),
    "barbieri2009trade": ("article", {
        "author": "Barbieri, Katherine and Keshk, Omar M. G. and Pollins, Brian M.",
        "title": "Trading Data: Evaluating our Assumptions and Coding Rules",
        "journal": "Conflict Management and Peace Science", "year": "2009", "volume": "26", "number": "5", "pages": "471--491",
    }),
    "pevehouse2020igo": ("article", {
        "author": "Pevehouse, Jon C. W. and Nordstrom, Timothy and McManus, Roseanne W. and Jamison, Anne Spencer",
        "title": "Tracking Organizations in the World: The Correlates of War {IGO} Version 3.0 Datasets",
        "journal": "Journal of Peace Research", "year": "2020", "volume": "57", "number": "3", "pages": "492--503",
    }),
    "schvitz2022cshapes": ("article", {
        "author": "Schvitz, Guy and Girardin, Luc and R{\\\"u}egger, Seraina and Weidmann, Nils B. and Cederman, Lars-Erik "
                  "and Gleditsch, Kristian Skrede",
        "title": "Mapping the International System, 1886--2017: The {CShapes} 2.0 Dataset",
        "journal": "Journal of Conflict Resolution", "year": "2022", "volume": "66", "number": "1", "pages": "144--161",
    }),
    "bailey2017idealpoints": ("article", {
        "author": "Bailey, Michael A. and Strezhnev, Anton and Voeten, Erik",
        "title": "Estimating Dynamic State Preferences from United Nations Voting Data",
        "journal": "Journal of Conflict Resolution", "year": "2017", "volume": "61", "number": "2", "pages": "430--456",
    }),
    "fjelstul2025unga": ("article", {
        "author": "Fjelstul, Joshua and Hug, Simon and Kilby, Christopher",
        "title": "Decision-making in the {United Nations General Assembly}: A Comprehensive Database of Resolution-related Decisions",
        "journal": "Review of International Organizations", "year": "2025",
    }),
    "sipri2024milex": ("misc", {
        "author": "{Stockholm International Peace Research Institute}", "title": "{SIPRI} Military Expenditure Database 2024",
        "year": "2024", "url": "https://www.sipri.org/databases/milex",
    }),
    "maness2022dcid": ("misc", {
        "author": "Maness, Ryan C. and Valeriano, Brandon and Hedgecock, Kathryn and Jensen, Benjamin M. and Macias, Jose M.",
        "title": "The Dyadic Cyber Incident and Campaign Dataset, version 2.0", "year": "2022",
    }),
    "valeriano2014cyber": ("article", {
        "author": "Valeriano, Brandon and Maness, Ryan C.",
        "title": "The Dynamics of Cyber Conflict between Rival Antagonists, 2001--11",
        "journal": "Journal of Peace Research", "year": "2014", "volume": "51", "number": "3", "pages": "347--360",
    }),
    "fariss2022gdp": ("article", {
        "author": "Fariss, Christopher J. and Anders, Therese and Markowitz, Jonathan N. and Barnum, Miriam",
        "title": "New Estimates of Over 500 Years of Historic {GDP} and Population Data",
        "journal": "Journal of Conflict Resolution", "year": "2022", "volume": "66", "number": "3", "pages": "553--591",
    }),
    "anders2020sdp": ("article", {
        "author": "Anders, Therese and Fariss, Christopher J. and Markowitz, Jonathan N.",
        "title": "Bread Before Guns or Butter: Introducing Surplus Domestic Product ({SDP})",
        "journal": "International Studies Quarterly", "year": "2020", "volume": "64", "number": "2", "pages": "392--405",
    }),
    "pemstein2010uds": ("article", {
        "author": "Pemstein, Daniel and Meserve, Stephen A. and Melton, James",
        "title": "Democratic Compromise: A Latent Variable Analysis of Ten Measures of Regime Type",
        "journal": "Political Analysis", "year": "2010", "volume": "18", "number": "4", "pages": "426--449",
    }),
    "marshall2020polity5": ("manual", {
        "author": "Marshall, Monty G.", "title": "Polity5: Political Regime Characteristics and Transitions, 1800--2018. "
        "Dataset Users' Manual", "organization": "Center for Systemic Peace", "year": "2020",
    }),
    "coppedge2025vdem": ("misc", {
        "author": "Coppedge, Michael and others", "title": "{V-Dem} Country-Year Dataset v15",
        "howpublished": "Varieties of Democracy (V-Dem) Project", "year": "2025", "doi": "10.23696/vdemds25",
    }),
    "miller2022peacesciencer": ("article", {
        "author": "Miller, Steven V.",
        "title": "{peacesciencer}: An {R} Package for Quantitative Peace Science Research",
        "journal": "Conflict Management and Peace Science", "year": "2022", "volume": "39", "number": "6", "pages": "755--779",
    }),
    # --- published models ---------------------------------------------------------------------
    "bueno1981war": ("book", {
        "author": "Bueno de Mesquita, Bruce", "title": "The War Trap", "publisher": "Yale University Press",
        "address": "New Haven, CT", "year": "1981",
    }),
    "beck1998taking": ("article", {
        "author": "Beck, Nathaniel and Katz, Jonathan N. and Tucker, Richard",
        "title": "Taking Time Seriously: Time-Series-Cross-Section Analysis with a Binary Dependent Variable",
        "journal": "American Journal of Political Science", "year": "1998", "volume": "42", "number": "4", "pages": "1260--1288",
    }),
    "firth1993bias": ("article", {
        "author": "Firth, David", "title": "Bias Reduction of Maximum Likelihood Estimates",
        "journal": "Biometrika", "year": "1993", "volume": "80", "number": "1", "pages": "27--38",
    }),
    "kydd2005trust": ("book", {
        "author": "Kydd, Andrew H.", "title": "Trust and Mistrust in International Relations", "publisher": "Princeton University Press",
        "address": "Princeton, NJ", "year": "2005",
    }),
    "walt1985alliance": ("article", {
        "author": "Walt, Stephen M.", "title": "Alliance Formation and the Balance of World Power",
        "journal": "International Security", "year": "1985", "volume": "9", "number": "4", "pages": "3--43",
    }),
    "walt1987origins": ("book", {
        "author": "Walt, Stephen M.", "title": "The Origins of Alliances", "publisher": "Cornell University Press",
        "address": "Ithaca, NY", "year": "1987",
    }),
    "waltz1979theory": ("book", {
        "author": "Waltz, Kenneth N.", "title": "Theory of International Politics", "publisher": "Addison-Wesley",
        "address": "Reading, MA", "year": "1979",
    }),
    "schweller1994bandwagoning": ("article", {
        "author": "Schweller, Randall L.", "title": "Bandwagoning for Profit: Bringing the Revisionist State Back In",
        "journal": "International Security", "year": "1994", "volume": "19", "number": "1", "pages": "72--107",
    }),
    "bremer1992dangerous": ("article", {
        "author": "Bremer, Stuart A.", "title": "Dangerous Dyads: Conditions Affecting the Likelihood of Interstate War, 1816-1965",
        "journal": "Journal of Conflict Resolution", "year": "1992", "volume": "36", "number": "2", "pages": "309--341",
    }),
    "vasquez1993war": ("book", {
        "author": "Vasquez, John A.", "title": "The War Puzzle", "publisher": "Cambridge University Press",
        "address": "Cambridge", "year": "1993",
    }),
    "siverson1991diffusion": ("book", {
        "author": "Siverson, Randolph M. and Starr, Harvey", "title": "The Diffusion of War: A Study of Opportunity and Willingness",
        "publisher": "University of Michigan Press", "address": "Ann Arbor, MI", "year": "1991",
    }),
    "maoz1993normative": ("article", {
        "author": "Maoz, Zeev and Russett, Bruce", "title": "Normative and Structural Causes of Democratic Peace, 1946-1986",
        "journal": "American Political Science Review", "year": "1993", "volume": "87", "number": "3", "pages": "624--638",
    }),
    "lemke2001relevance": ("article", {
        "author": "Lemke, Douglas and Reed, William", "title": "The Relevance of Politically Relevant Dyads",
        "journal": "Journal of Conflict Resolution", "year": "2001", "volume": "45", "number": "1", "pages": "126--144",
    }),
    "weitsman1997intimate": ("article", {
        "author": "Weitsman, Patricia A.", "title": "Intimate Enemies: The Politics of Peacetime Alliances",
        "journal": "Security Studies", "year": "1997", "volume": "7", "number": "1", "pages": "156--193",
    }),
    "weitsman2004dangerous": ("book", {
        "author": "Weitsman, Patricia A.", "title": "Dangerous Alliances: Proponents of Peace, Weapons of War",
        "publisher": "Stanford University Press", "address": "Stanford, CA", "year": "2004",
    }),
    "boulding1962conflict": ("book", {
        "author": "Boulding, Kenneth E.", "title": "Conflict and Defense: A General Theory", "publisher": "Harper",
        "address": "New York", "year": "1962",
    }),
    "morrow1991asymmetry": ("article", {
        "author": "Morrow, James D.",
        "title": "Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances",
        "journal": "American Journal of Political Science", "year": "1991", "volume": "35", "number": "4", "pages": "904--933",
    }),
    "nash1950bargaining": ("article", {
        "author": "Nash, John F.", "title": "The Bargaining Problem", "journal": "Econometrica", "year": "1950",
        "volume": "18", "number": "2", "pages": "155--162",
    }),
    "snyder1984security": ("article", {
        "author": "Snyder, Glenn H.", "title": "The Security Dilemma in Alliance Politics", "journal": "World Politics",
        "year": "1984", "volume": "36", "number": "4", "pages": "461--495",
    }),
    "snyder1997alliance": ("book", {
        "author": "Snyder, Glenn H.", "title": "Alliance Politics", "publisher": "Cornell University Press",
        "address": "Ithaca, NY", "year": "1997",
    }),
    "olson1966economic": ("article", {
        "author": "Olson, Mancur and Zeckhauser, Richard", "title": "An Economic Theory of Alliances",
        "journal": "The Review of Economics and Statistics", "year": "1966", "volume": "48", "number": "3", "pages": "266--279",
    }),
    "riker1962theory": ("book", {
        "author": "Riker, William H.", "title": "The Theory of Political Coalitions", "publisher": "Yale University Press",
        "address": "New Haven, CT", "year": "1962",
    }),
    "hart1983endogenous": ("article", {
        "author": "Hart, Sergiu and Kurz, Mordecai", "title": "Endogenous Formation of Coalitions",
        "journal": "Econometrica", "year": "1983", "volume": "51", "number": "4", "pages": "1047--1064",
    }),
    "hemmer2002why": ("article", {
        "author": "Hemmer, Christopher and Katzenstein, Peter J.",
        "title": "Why Is There No {NATO} in Asia? Collective Identity, Regionalism, and the Origins of Multilateralism",
        "journal": "International Organization", "year": "2002", "volume": "56", "number": "3", "pages": "575--607",
    }),
    "cha2010powerplay": ("article", {
        "author": "Cha, Victor D.", "title": "Powerplay: Origins of the {U.S.} Alliance System in Asia",
        "journal": "International Security", "year": "2010", "volume": "34", "number": "3", "pages": "158--196",
    }),
    "bergstrom1986private": ("article", {
        "author": "Bergstrom, Theodore and Blume, Lawrence and Varian, Hal", "title": "On the Private Provision of Public Goods",
        "journal": "Journal of Public Economics", "year": "1986", "volume": "29", "number": "1", "pages": "25--49",
    }),
    "richardson1960arms": ("book", {
        "author": "Richardson, Lewis F.",
        "title": "Arms and Insecurity: A Mathematical Study of the Causes and Origins of War",
        "publisher": "Boxwood Press", "address": "Pittsburgh", "year": "1960",
    }),
    "intriligator1964arms": ("article", {
        "author": "Intriligator, Michael D.", "title": "Some Simple Models of Arms Races", "journal": "General Systems",
        "year": "1964", "volume": "9", "pages": "143--147",
    }),
    "jervis1978cooperation": ("article", {
        "author": "Jervis, Robert", "title": "Cooperation under the Security Dilemma", "journal": "World Politics",
        "year": "1978", "volume": "30", "number": "2", "pages": "167--214",
    }),
    "glaser1998offense": ("article", {
        "author": "Glaser, Charles L. and Kaufmann, Chaim",
        "title": "What Is the Offense-Defense Balance and Can We Measure It?", "journal": "International Security",
        "year": "1998", "volume": "22", "number": "4", "pages": "44--82",
    }),
    "leeds2003reliability": ("article", {
        "author": "Leeds, Brett Ashley", "title": "Alliance Reliability in Times of War: Explaining State Decisions to Violate Treaties",
        "journal": "International Organization", "year": "2003", "volume": "57", "number": "4", "pages": "801--827",
    }),
    "lake2009hierarchy": ("book", {
        "author": "Lake, David A.", "title": "Hierarchy in International Relations", "publisher": "Cornell University Press",
        "address": "Ithaca", "year": "2009",
    }),
    "leeds2007terminating": ("article", {
        "author": "Leeds, Brett Ashley and Savun, Burcu", "title": "Terminating Alliances: Why Do States Abrogate Agreements?",
        "journal": "Journal of Politics", "year": "2007", "volume": "69", "number": "4", "pages": "1118--1132",
    }),
    "leeds2003deter": ("article", {
        "author": "Leeds, Brett Ashley",
        "title": "Do Alliances Deter Aggression? The Influence of Military Alliances on the Initiation of Militarized Interstate Disputes",
        "journal": "American Journal of Political Science", "year": "2003", "volume": "47", "number": "3", "pages": "427--439",
    }),
    "gibler2009international": ("book", {
        "author": "Gibler, Douglas M.", "title": "International Military Alliances, 1648--2008", "publisher": "CQ Press",
        "address": "Washington", "year": "2009",
    }),
    "wallander2000institutional": ("article", {
        "author": "Wallander, Celeste A.", "title": "Institutional Assets and Adaptability: {NATO} after the Cold War",
        "journal": "International Organization", "year": "2000", "volume": "54", "number": "4", "pages": "705--735",
    }),
    "axelrod1993landscape": ("article", {
        "author": "Axelrod, Robert and Bennett, D. Scott", "title": "A Landscape Theory of Aggregation",
        "journal": "British Journal of Political Science", "year": "1993", "volume": "23", "number": "2", "pages": "211--233",
    }),
    "kirkpatrick1983annealing": ("article", {
        "author": "Kirkpatrick, S. and Gelatt, C. D. and Vecchi, M. P.", "title": "Optimization by Simulated Annealing",
        "journal": "Science", "year": "1983", "volume": "220", "number": "4598", "pages": "671--680",
    }),
    "heider1946attitudes": ("article", {
        "author": "Heider, Fritz", "title": "Attitudes and Cognitive Organization", "journal": "The Journal of Psychology",
        "year": "1946", "volume": "21", "number": "1", "pages": "107--112",
    }),
    "cartwright1956structural": ("article", {
        "author": "Cartwright, Dorwin and Harary, Frank",
        "title": "Structural Balance: A Generalization of {Heider}'s Theory", "journal": "Psychological Review",
        "year": "1956", "volume": "63", "number": "5", "pages": "277--293",
    }),
    "harary1959measurement": ("article", {
        "author": "Harary, Frank", "title": "On the Measurement of Structural Balance", "journal": "Behavioral Science",
        "year": "1959", "volume": "4", "number": "4", "pages": "316--323",
    }),
    "antal2005dynamics": ("article", {
        "author": "Antal, T. and Krapivsky, P. L. and Redner, S.", "title": "Dynamics of Social Balance on Networks",
        "journal": "Physical Review E", "year": "2005", "volume": "72", "number": "3", "pages": "036121",
    }),
    "rid2015attributing": ("article", {
        "author": "Rid, Thomas and Buchanan, Ben", "title": "Attributing Cyber Attacks",
        "journal": "Journal of Strategic Studies", "year": "2015", "volume": "38", "number": "1--2", "pages": "4--37",
    }),
    "buchanan2017cybersecurity": ("book", {
        "author": "Buchanan, Ben", "title": "The Cybersecurity Dilemma: Hacking, Trust and Fear Between Nations",
        "publisher": "Oxford University Press", "address": "New York", "year": "2017",
    }),
    "signorino1999tau": ("article", {
        "author": "Signorino, Curtis S. and Ritter, Jeffrey M.",
        "title": "Tau-b or Not Tau-b: Measuring the Similarity of Foreign Policy Positions",
        "journal": "International Studies Quarterly", "year": "1999", "volume": "43", "number": "1", "pages": "115--144",
    }),
    "bueno1975polarity": ("article", {
        "author": "Bueno de Mesquita, Bruce", "title": "Measuring Systemic Polarity",
        "journal": "Journal of Conflict Resolution", "year": "1975", "volume": "19", "number": "2", "pages": "187--216",
    }),
    "wayman1984bipolarity": ("article", {
        "author": "Wayman, Frank Whelon",
        "title": "Bipolarity and War: The Role of Capability Concentration and Alliance Patterns among Major Powers, 1816--1965",
        "journal": "Journal of Peace Research", "year": "1984", "volume": "21", "number": "1", "pages": "61--78",
    }),
}

REFERENCES: Mapping[str, tuple[str, Mapping[str, str]]] = MappingProxyType(
    {k: (t, MappingProxyType(f)) for k, (t, f) in _R.items()}
)
"""Citation key -> (BibTeX entry type, fields in BibTeX source)."""

DATA_KEYS: tuple[str, ...] = (
    "leeds2002atop", "leeds2022atopcodebook", "leeds2005institutionalization", "singer1972capability",
    "singer1987reconstructing", "cow2017states", "stinnett2002contiguity", "sarkees2010resort", "thompson2011handbook",
    "thompson2021analyzing", "palmer2022mid5", "gibler2016mid", "gibler2005arms", "barbieri2009trade", "pevehouse2020igo",
    "schvitz2022cshapes", "bailey2017idealpoints", "fjelstul2025unga", "sipri2024milex", "maness2022dcid",
    "valeriano2014cyber", "fariss2022gdp", "anders2020sdp", "pemstein2010uds", "marshall2020polity5", "coppedge2025vdem",
    "miller2022peacesciencer",
)
"""Keys of data sets (the rest, foedus aside, are published models)."""

RECORD_KEYS: tuple[str, ...] = (
    "leeds2002atop", "leeds2022atopcodebook", "singer1972capability", "singer1987reconstructing", "cow2017states",
)
"""The historical record as foedus imports it: ATOP 5.1 alliances and members, COW states, NMC capabilities."""

_PS = "miller2022peacesciencer"
DATA_FILES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "atop/atop5_1a.csv": ("leeds2002atop", "leeds2022atopcodebook"),
    "atop/atop5_1m.csv": ("leeds2002atop", "leeds2022atopcodebook"),
    "atop/atop5_1aph.csv": ("leeds2002atop", "leeds2022atopcodebook"),
    "atop/atop5_1a_NNA.csv": ("leeds2002atop", "leeds2022atopcodebook"),
    "atop/atop5_1m_NNA.csv": ("leeds2002atop", "leeds2022atopcodebook"),
    "atop/atop5_1sy.csv.gz": ("leeds2002atop", "leeds2022atopcodebook"),
    "atop/atopinst5_1.csv": ("leeds2005institutionalization", "leeds2002atop"),
    "peacesciencer/atop_alliance.csv.gz": ("leeds2002atop", _PS),
    "peacesciencer/cow_nmc.csv": ("singer1972capability", "singer1987reconstructing", _PS),
    "peacesciencer/cow_states.csv": ("cow2017states", _PS),
    "peacesciencer/cow_majors.csv": ("cow2017states", _PS),
    "peacesciencer/cow_capitals.csv": (_PS,),
    "peacesciencer/cow_contdir.csv": ("stinnett2002contiguity", _PS),
    "peacesciencer/td_rivalries.csv": ("thompson2011handbook", _PS),
    "peacesciencer/tss_rivalries.csv": ("thompson2021analyzing", _PS),
    "peacesciencer/grh_arms_races.csv": ("gibler2005arms", _PS),
    "peacesciencer/cow_mid_disps.csv": ("palmer2022mid5", _PS),
    "peacesciencer/gml_mid_disps.csv": ("gibler2016mid", _PS),
    "peacesciencer/cow_war_inter.csv": ("sarkees2010resort", _PS),
    "peacesciencer/cow_trade_sy.csv": ("barbieri2009trade", _PS),
    "peacesciencer/cow_igo_sy.csv": ("pevehouse2020igo", _PS),
    "peacesciencer/cow_ddy.csv.gz": ("cow2017states", _PS),
    "distance/cow_mindist.csv.gz": ("schvitz2022cshapes", _PS),
    "trade/cow_trade_ndy.csv.gz": ("barbieri2009trade", _PS),
    "unvotes/unga_idealpoints_jul2025.csv.gz": ("bailey2017idealpoints", "fjelstul2025unga"),
    "milex/sipri_milex_2013_2022.csv": ("sipri2024milex",),
    "cyber/dcid_v2_incidents.csv": ("maness2022dcid", "valeriano2014cyber"),
    "economy/cw_gdppop.csv.gz": ("fariss2022gdp",),
    "economy/cow_sdp_gdp.csv.gz": ("anders2020sdp", _PS),
    "regime/cw_democracy.csv": ("pemstein2010uds", "marshall2020polity5", "coppedge2025vdem", _PS),
    "landscape_1936/axelrod_bennett_1936_alignments.csv": ("axelrod1993landscape",),
})
"""Data file (path under the data folder) -> the keys its publishers ask users to cite."""

STEP_MODELS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "system_membership": ("cow2017states",),
    "absent_states": ("cow2017states",),
    "rivalries": ("thompson2011handbook", "beck1998taking", "firth1993bias"),
    "trends_and_shocks": (),
    "capabilities": ("richardson1960arms", "intriligator1964arms", "jervis1978cooperation", "olson1966economic",
                     "singer1972capability"),
    "threat_perception": ("walt1985alliance", "walt1987origins", "waltz1979theory", "boulding1962conflict", "bueno1981war"),
    "blocs": ("snyder1997alliance", "olson1966economic", "riker1962theory", "hart1983endogenous", "hemmer2002why", "cha2010powerplay",
              "walt1987origins", "morrow1991asymmetry", "bailey2017idealpoints", "lake2009hierarchy"),
    "alignment": ("waltz1979theory", "walt1987origins", "schweller1994bandwagoning", "weitsman1997intimate",
                  "weitsman2004dangerous", "morrow1991asymmetry", "nash1950bargaining", "snyder1984security",
                  "leeds2002atop"),
    "alliance_politics": ("snyder1984security", "snyder1997alliance", "morrow1991asymmetry", "leeds2003reliability",
                          "wallander2000institutional", "olson1966economic", "bergstrom1986private"),
    "treaty_replacement": ("leeds2007terminating", "leeds2002atop"),
    "crises_and_coalitions": ("walt1987origins",),
    "cyber": ("rid2015attributing", "buchanan2017cybersecurity", "kydd2005trust"),
    "conflict_and_commitments": ("leeds2003reliability", "snyder1984security", "bremer1992dangerous", "vasquez1993war",
                                 "maoz1993normative", "lemke2001relevance", "siverson1991diffusion", "schweller1994bandwagoning",
                                 "bueno1981war", "beck1998taking", "firth1993bias", "sarkees2010resort"),
    "wartime_pacts": ("bueno1981war", "leeds2003deter", "leeds2007terminating", "gibler2009international", "beck1998taking"),
    "record": (),
})
"""Step of the simulated year -> the published models it implements (its theory functions' References)."""

COMMAND_MODELS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "landscape": ("axelrod1993landscape", "kirkpatrick1983annealing"),
    "balance": ("heider1946attitudes", "cartwright1956structural", "harary1959measurement", "antal2005dynamics"),
    "history similarity": ("bueno1975polarity", "signorino1999tau"),
    "history polarity": ("bueno1975polarity", "wayman1984bipolarity", "waltz1979theory"),
    "history network": ("bueno1975polarity", "wayman1984bipolarity"),
    "ensemble": (),
})
"""Command (words after ``foedus``) -> the published models its output rests on, beside its data."""
