"""Builds realtext-extra-a/gold.jsonl from the annotations below."""
import json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "realtext-extra-a", "gold.jsonl")
P, O, I = "PERSON", "ORGANIZATION", "INSTITUTION"

def E(name, typ, aliases=(), opt=False):
    d = {"name": name, "type": typ, "aliases": list(aliases)}
    if opt: d["optional"] = True
    return d

def R(src, typ, tgt, role=None, opt=False):
    d = {"source": src, "type": typ, "target": tgt}
    if role: d["role"] = role
    if opt: d["optional"] = True
    return d

DOCS = []
def doc(doc_id, source, entities, relations):
    DOCS.append({"doc": doc_id, "source": source, "entities": entities, "relations": relations})

# 1 ---------------------------------------------------------------
doc("xa-pronetoviolins-ayla-erduran",
    "http://pronetoviolins.blogspot.com/search/label/Zino%20Francescatti",
    [E("Ayla Erduran", P, ["Erduran"]),
     E("Zino Francescatti", P),
     E("Mozart", P, opt=True),
     E("Beethoven", P, opt=True),
     E("Guila Bustabo", P, ["Bustabo"]),
     E("Karl Berger", P, ["Berger"]),
     E("Rene Benedetti", P),
     E("Paris Conservatory", I),
     E("Ivan Galamian", P),
     E("Thomas Scherman", P),
     E("Glazunov", P, opt=True),
     E("Warsaw Philharmonic", O),
     E("David Oistrakh", P)],
    [R("Ayla Erduran", "mentor", "Zino Francescatti", "pupil"),
     R("Ayla Erduran", "mentor", "Karl Berger", "student"),
     R("Ayla Erduran", "mentor", "Rene Benedetti", "student"),
     R("Ayla Erduran", "mentor", "Ivan Galamian", "student"),
     R("Ayla Erduran", "mentor", "David Oistrakh", "student"),
     R("Ayla Erduran", "alma_mater", "Paris Conservatory", opt=True)])

# 2 ---------------------------------------------------------------
doc("xa-pronetoviolins-nathan-milstein",
    "http://pronetoviolins.blogspot.com/2009/",
    [E("Nathan Milstein", P, ["Nathan Mironovich Milstein", "Milstein"]),
     E("Heifetz", P),
     E("Peter Stolyarsky", P, ["Stolyarsky"]),
     E("David Oistrakh", P),
     E("Odessa Conservatory", I),
     E("St Petersburg Conservatory", I),
     E("Leopold Auer", P, ["Auer"]),
     E("Elman", P),
     E("Seidel", P),
     E("Zimbalist", P),
     E("Eugene Ysaye", P, ["Ysaye"]),
     E("Philadelphia Orchestra", O),
     E("Glazunov", P, opt=True),
     E("Nicolo Paganini", P),
     E("Brahms", P, opt=True),
     E("Mendelssohn", P, opt=True),
     E("Sibelius", P, opt=True),
     E("Stravinsky", P, opt=True),
     E("YouTube", O, opt=True)],
    [R("Nathan Milstein", "mentor", "Peter Stolyarsky", "student"),
     R("David Oistrakh", "mentor", "Peter Stolyarsky", "student"),
     R("Nathan Milstein", "alma_mater", "Odessa Conservatory"),
     R("Nathan Milstein", "alma_mater", "St Petersburg Conservatory"),
     R("Leopold Auer", "employer", "St Petersburg Conservatory", "teacher"),
     R("Nathan Milstein", "mentor", "Leopold Auer", "student"),
     R("Nathan Milstein", "mentor", "Eugene Ysaye", "student"),
     R("Elman", "alma_mater", "St Petersburg Conservatory", opt=True),
     R("Heifetz", "alma_mater", "St Petersburg Conservatory", opt=True),
     R("Seidel", "alma_mater", "St Petersburg Conservatory", opt=True),
     R("Zimbalist", "alma_mater", "St Petersburg Conservatory", opt=True),
     R("Elman", "mentor", "Leopold Auer", "student", opt=True),
     R("Heifetz", "mentor", "Leopold Auer", "student", opt=True),
     R("Seidel", "mentor", "Leopold Auer", "student", opt=True),
     R("Zimbalist", "mentor", "Leopold Auer", "student", opt=True)])

# 3 ---------------------------------------------------------------
doc("xa-scmp-sushi-chef-hirose-masahiko",
    "https://www.scmp.com/article/738018/hirose-masahiko",
    [E("Hirose Masahiko", P),
     E("Tsuji Culinary Institute", I),
     E("Sushiko Honten", O),
     E("Michelin", O, opt=True),
     E("Mamoru Sugiyama", P, ["Mr Sugiyama", "Sugiyama"])],
    [R("Hirose Masahiko", "alma_mater", "Tsuji Culinary Institute", "culinary school"),
     R("Hirose Masahiko", "employer", "Sushiko Honten", "trainee"),
     R("Hirose Masahiko", "mentor", "Mamoru Sugiyama", "trainee"),
     R("Mamoru Sugiyama", "employer", "Sushiko Honten", "chef", opt=True)])

# 4 ---------------------------------------------------------------
doc("xa-stanforddaily-osserman-obituary",
    "https://stanforddaily.com/2012/01/09/mathematics-professor-osserman-dies/",
    [E("Robert Osserman", P, ["Osserman", "Bob Osserman"]),
     E("Stanford", I),
     E("Department of Mathematics", I),
     E("Andrew W. Mellon", P, opt=True),
     E("Mathematical Services Research Institute", I),
     E("Harvard", I),
     E("University of Colorado", I),
     E("Courant Institute", I),
     E("University of California, Berkeley", I),
     E("Office of Naval Research", O),
     E("Blaine Lawson", P),
     E("Stony Brook University", I)],
    [R("Robert Osserman", "employer", "Stanford", "professor"),
     R("Robert Osserman", "employer", "Department of Mathematics", "chair"),
     R("Mathematical Services Research Institute", "founder", "Robert Osserman", "co-founder"),
     R("Robert Osserman", "employer", "Mathematical Services Research Institute", "deputy director"),
     R("Robert Osserman", "alma_mater", "Harvard", "Ph.D."),
     R("Robert Osserman", "employer", "University of Colorado", "visiting appointment"),
     R("Robert Osserman", "employer", "Courant Institute", "visiting appointment"),
     R("Robert Osserman", "employer", "Harvard", "visiting appointment"),
     R("Robert Osserman", "employer", "University of California, Berkeley", "visiting appointment"),
     R("Robert Osserman", "employer", "Office of Naval Research", "head of Mathematics branch"),
     R("Blaine Lawson", "adviser", "Robert Osserman", "PhD"),
     R("Blaine Lawson", "mentor", "Robert Osserman"),
     R("Blaine Lawson", "employer", "Stony Brook University", "professor of mathematics"),
     R("Blaine Lawson", "alma_mater", "Stanford", "Ph.D.", opt=True)])

# 5 ---------------------------------------------------------------
doc("xa-princeton-memorial-bill-browder",
    "https://blogs.princeton.edu/memorial/2025/02/william-bill-browder",
    [E("Bill Browder", P, ["William “Bill” Browder", "Browder", "Bill"]),
     E("gerald porter", P),
     E("Princeton", I),
     E("Cornell", I),
     E("Paul Green", P),
     E("Yuen-Fat Wong", P),
     E("Annals", O, opt=True)],
    [R("Bill Browder", "employer", "Princeton", "emeritus professor of mathematics"),
     R("Bill Browder", "employer", "Cornell", opt=True),
     R("gerald porter", "adviser", "Bill Browder", "PhD"),
     R("Paul Green", "adviser", "Bill Browder", "PhD"),
     R("Yuen-Fat Wong", "adviser", "Bill Browder", "PhD"),
     R("gerald porter", "alma_mater", "Cornell", "PhD", opt=True),
     R("Paul Green", "alma_mater", "Cornell", "PhD", opt=True),
     R("Yuen-Fat Wong", "alma_mater", "Cornell", "PhD", opt=True),
     R("Bill Browder", "employer", "Annals", "editor", opt=True)])

# 6 ---------------------------------------------------------------
doc("xa-umn-math-newsletter-don-aronson",
    "https://issuu.com./inventingtomorrow/docs/2020_math-newsletter_final/s/10670898",
    [E("Donald G. Aronson", P, ["DON ARONSON", "Don"]),
     E("University of Minnesota", I, ["UMN"]),
     E("College of Science and Engineering", I, ["Institute of Technology"]),
     E("Massachusetts Institute of Technology", I, ["MIT"]),
     E("Norman Levinson", P),
     E("National Research Development Council", O),
     E("Alan Turing", P),
     E("Ferranti", O, opt=True),
     E("Digital Computer Lab", I),
     E("University of Illinois", I),
     E("Department of Mathematics", I)],
    [R("Donald G. Aronson", "alma_mater", "Massachusetts Institute of Technology", "BS, MS, PhD"),
     R("Donald G. Aronson", "adviser", "Norman Levinson", "PhD thesis"),
     R("Norman Levinson", "employer", "Massachusetts Institute of Technology", opt=True),
     R("Donald G. Aronson", "employer", "National Research Development Council", "Scientific Officer"),
     R("Donald G. Aronson", "employer", "Digital Computer Lab", "Research Associate"),
     R("Donald G. Aronson", "employer", "University of Illinois", "Research Associate"),
     R("Donald G. Aronson", "employer", "University of Minnesota", "Professor"),
     R("Donald G. Aronson", "employer", "Department of Mathematics", "Professor"),
     R("Donald G. Aronson", "employer", "College of Science and Engineering", "Professor", opt=True)])

# 7 ---------------------------------------------------------------
doc("xa-berkeley-math-in-memoriam-barenblatt",
    "https://math.berkeley.edu/about/history/in-memoriam",
    [E("Grigory Barenblatt", P, ["Grigory Isaakovich", "Barenblatt"]),
     E("Paul Chernoff", P),
     E("Jacob Feldman", P),
     E("Marina Ratner", P),
     E("Don Sarason", P),
     E("Jack Silver", P),
     E("Alex Chorin", P),
     E("Moscow University", I),
     E("A.N. Kolmogorov", P),
     E("B.M. Levitan", P),
     E("G.I. Taylor", P, opt=True),
     E("University of Cambridge", I),
     E("Mathematics Department", I),
     E("University of California, Berkeley", I),
     E("Lawrence Berkeley Laboratory", I),
     E("U.S. National Academy of Sciences", O),
     E("U.S. National Academy of Engineering", O),
     E("American Academy of Arts and Sciences", O),
     E("Royal Society of London", O),
     E("US Society for Engineering Science", O),
     E("International Committee on Applied and Industrial Mathematics", O),
     E("Accademia Nazionale dei Lincei", O),
     E("ASME", O)],
    [R("Grigory Barenblatt", "alma_mater", "Moscow University", "mathematics"),
     R("Grigory Barenblatt", "adviser", "A.N. Kolmogorov"),
     R("Grigory Barenblatt", "adviser", "B.M. Levitan"),
     R("A.N. Kolmogorov", "employer", "Moscow University", opt=True),
     R("B.M. Levitan", "employer", "Moscow University", opt=True),
     R("Grigory Barenblatt", "employer", "University of Cambridge", "G.I. Taylor Professor of Fluid Mechanics"),
     R("Grigory Barenblatt", "employer", "Mathematics Department", "Professor in Residence"),
     R("Grigory Barenblatt", "employer", "University of California, Berkeley", "Professor in Residence"),
     R("Grigory Barenblatt", "employer", "Lawrence Berkeley Laboratory", "concurrent appointment"),
     R("Paul Chernoff", "employer", "University of California, Berkeley", opt=True),
     R("Jacob Feldman", "employer", "University of California, Berkeley", opt=True),
     R("Marina Ratner", "employer", "University of California, Berkeley", opt=True),
     R("Don Sarason", "employer", "University of California, Berkeley", opt=True),
     R("Jack Silver", "employer", "University of California, Berkeley", opt=True)])

# 8 ---------------------------------------------------------------
doc("xa-findagrave-james-cronin",
    "https://www.findagrave.com/memorial/168976290/james-watson-cronin/flower",
    [E("James Watson Cronin", P),
     E("Val Fitch", P, ["Val Finch", "Fitch"]),
     E("Southern Methodist University", I, ["SMU"]),
     E("University of Chicago", I),
     E("Enrico Fermi", P),
     E("Maria Mayer", P),
     E("Subrahmanyan Chandrasekhar", P),
     E("Brookhaven National Laboratory", I, ["BNL"]),
     E("Princeton University", I, ["Princeton"]),
     E("Centre d'Etudes Nucleaires", I),
     E("Alan Watson", P),
     E("Pierre Auger Project", O, ["Auger project"]),
     E("Ernest Orlando Lawrence", P, opt=True)],
    [R("James Watson Cronin", "alma_mater", "Southern Methodist University", "BSc"),
     R("James Watson Cronin", "alma_mater", "University of Chicago", "PhD"),
     R("James Watson Cronin", "mentor", "Enrico Fermi", "taught by", opt=True),
     R("James Watson Cronin", "mentor", "Maria Mayer", "taught by", opt=True),
     R("James Watson Cronin", "mentor", "Subrahmanyan Chandrasekhar", "taught by", opt=True),
     R("Enrico Fermi", "employer", "University of Chicago", opt=True),
     R("Maria Mayer", "employer", "University of Chicago", opt=True),
     R("Subrahmanyan Chandrasekhar", "employer", "University of Chicago", opt=True),
     R("James Watson Cronin", "employer", "Brookhaven National Laboratory", "assistant physicist"),
     R("James Watson Cronin", "employer", "Princeton University", "faculty"),
     R("Val Fitch", "employer", "Brookhaven National Laboratory", opt=True),
     R("Val Fitch", "employer", "Princeton University", opt=True),
     R("James Watson Cronin", "employer", "Centre d'Etudes Nucleaires", opt=True),
     R("James Watson Cronin", "employer", "University of Chicago", "professor of physics"),
     R("James Watson Cronin", "employer", "Pierre Auger Project", "spokesperson emeritus"),
     R("Pierre Auger Project", "founder", "James Watson Cronin", opt=True),
     R("Pierre Auger Project", "founder", "Alan Watson", opt=True)])

# 9 ---------------------------------------------------------------
doc("xa-mativetsky-benares-tabla-gharana",
    "http://www.shawnmativetsky.com/html/tabla/the-benares-tabla-gharana/",
    [E("Benares tabla gharana", O, ["Benares gharana"], opt=True),
     E("Pandit Ram Sahai", P, ["Ram Sahai"]),
     E("Modhu Khan", P),
     E("Lucknow gharana", O, opt=True),
     E("Wazir Ali Khan", P)],
    [R("Pandit Ram Sahai", "mentor", "Modhu Khan", "disciple"),
     R("Benares tabla gharana", "founder", "Pandit Ram Sahai", opt=True)])

# 10 --------------------------------------------------------------
doc("xa-acknowledgers-rob-stewart-phd-thesis",
    "http://acknowledgers.wordpress.com/tag/thesis/",
    [E("Rob Stewart", P),
     E("Phil Trinder", P, ["Phil"]),
     E("Patrick Maier", P, ["Patrick"]),
     E("HPC-GAP", O, opt=True),
     E("Greg Michaelson", P),
     E("Gudmund Grov", P, ["Gudmund"]),
     E("Edsko de Vries", P, ["Edsko"]),
     E("Well Typed", O),
     E("Heriot-Watt University", I),
     E("Edinburgh Parallel Computing Centre", I)],
    [R("Rob Stewart", "adviser", "Phil Trinder", "PhD; MEng"),
     R("Rob Stewart", "adviser", "Patrick Maier", "PhD"),
     R("Rob Stewart", "mentor", "Patrick Maier"),
     R("Edsko de Vries", "employer", "Well Typed"),
     R("Rob Stewart", "alma_mater", "Heriot-Watt University", "PhD", opt=True)])

# 11 --------------------------------------------------------------
doc("xa-glasgow-whistler-bouguereau-biography",
    "https://www.whistler.arts.gla.ac.uk/correspondence/biog/display/?bid=Boug_WA",
    [E("William-Adolphe Bouguereau", P, ["Bouguereau"]),
     E("Ecole des Beaux-Arts", I, ["Ecole des Beaux Arts"]),
     E("Academy", O, opt=True),
     E("Ingres", P),
     E("Louis Sage", P),
     E("Ecole Municipale de Dessin et de Peinture", I),
     E("Francois-Edouard Picot", P),
     E("Baudelaire", P),
     E("Whistler", P),
     E("Pennell", P),
     E("George Roland Halkett", P),
     E("The Scotsman", O)],
    [R("William-Adolphe Bouguereau", "employer", "Ecole des Beaux-Arts", "professor"),
     R("William-Adolphe Bouguereau", "mentor", "Louis Sage", "lessons"),
     R("Louis Sage", "mentor", "Ingres", "pupil"),
     R("William-Adolphe Bouguereau", "alma_mater", "Ecole Municipale de Dessin et de Peinture", "part time"),
     R("William-Adolphe Bouguereau", "alma_mater", "Ecole des Beaux-Arts"),
     R("William-Adolphe Bouguereau", "mentor", "Francois-Edouard Picot", "studied under"),
     R("Francois-Edouard Picot", "employer", "Ecole des Beaux-Arts", opt=True)])

# 12 --------------------------------------------------------------
ent12 = [E("Ernest George", P), E("RIBA", O), E("Ethel Charles", P), E("Edwin Lutyens", P),
         E("Herbert Baker", P), E("Guy Dawber", P), E("Alvar Aalto", P), E("Kristian Gullichsen", P),
         E("Arne Ervi", P), E("Viljo Revell", P), E("Jorn Utzon", P), E("Norman Foster", P),
         E("Richard Rogers", P), E("Chris Wilkinson", P), E("John McAslan", P), E("Amanda Levete", P),
         E("David Chipperfield", P), E("Hans Poelzig", P), E("Mies van der Rhoe", P),
         E("Walter Gropius", P), E("Le Corbusier", P)]
rel12 = [R(s, "mentor", "Ernest George", "protégé") for s in ["Ethel Charles", "Edwin Lutyens", "Herbert Baker", "Guy Dawber"]]
rel12 += [R(s, "mentor", "Alvar Aalto", "assistant") for s in ["Kristian Gullichsen", "Arne Ervi", "Viljo Revell", "Jorn Utzon"]]
rel12 += [R(s, "mentor", m, opt=True) for s in ["Chris Wilkinson", "John McAslan", "Amanda Levete", "David Chipperfield"] for m in ["Norman Foster", "Richard Rogers"]]
rel12 += [R(s, "mentor", "Hans Poelzig", "assistant") for s in ["Mies van der Rhoe", "Walter Gropius", "Le Corbusier"]]
doc("xa-johngooldstewart-architects-masters-and-pupils",
    "https://johngooldstewart.com/2021/04/16/blog-35", ent12, rel12)

# 13 --------------------------------------------------------------
doc("xa-mysylph-khaniukova-kiev-ballet",
    "https://mysylph.com/tag/don-quixote/",
    [E("Kateryna Khaniukova", P, ["Katja", "Khaniukova", "Kateryna"]),
     E("English National Ballet", O, ["ENB"]),
     E("Kiev Ballet", O, ["National Ballet of Ukraine"]),
     E("Graham Watts", P),
     E("National Opera House", O, opt=True),
     E("Kiev State Choreographic Institute", I),
     E("Nobuhiro Terada", P),
     E("Alina Cojocaru", P, ["Cojocaru"]),
     E("Sergei Polunin", P),
     E("Denis Matvienko", P),
     E("Ivan Putrov", P),
     E("Tamara Rojo", P, ["Rojo"]),
     E("Alla Lagoda", P)],
    [R("Kateryna Khaniukova", "employer", "English National Ballet", "junior soloist"),
     R("Kateryna Khaniukova", "employer", "Kiev Ballet", "principal dancer"),
     R("Nobuhiro Terada", "employer", "Kiev State Choreographic Institute", "head"),
     R("Alina Cojocaru", "alma_mater", "Kiev State Choreographic Institute"),
     R("Sergei Polunin", "alma_mater", "Kiev State Choreographic Institute"),
     R("Denis Matvienko", "alma_mater", "Kiev State Choreographic Institute"),
     R("Ivan Putrov", "alma_mater", "Kiev State Choreographic Institute"),
     R("Tamara Rojo", "employer", "English National Ballet", "artistic director"),
     R("Kateryna Khaniukova", "mentor", "Alla Lagoda", "coach"),
     R("Alina Cojocaru", "mentor", "Alla Lagoda"),
     R("Alla Lagoda", "employer", "Kiev Ballet", "coach", opt=True)])

# 14 --------------------------------------------------------------
doc("xa-mjpurpleaces-assistant-coaches-crean",
    "http://mjpurpleaces.blogspot.com/2009/04/assistant-coaches-vital-to-strong-teams.html",
    [E("Evansville Courier Press", O),
     E("NCAA", O),
     E("Fred Schmalz", P),
     E("University of Evansville", I),
     E("John Rennie", P),
     E("Duke", I),
     E("Eric Mussleman", P),
     E("NBA", O),
     E("Indiana University", I),
     E("Tom Crean", P, ["Crean"]),
     E("Tom Izzo", P),
     E("Michigan State", I),
     E("Ralph Willard", P),
     E("Pittsburgh", I),
     E("Western Kentucky", I)],
    [R("Fred Schmalz", "employer", "University of Evansville", "head coach"),
     R("John Rennie", "employer", "Duke", "head coach"),
     R("Eric Mussleman", "employer", "NBA", "coach", opt=True),
     R("Tom Crean", "employer", "Indiana University", "head coach"),
     R("Tom Crean", "employer", "Michigan State", "assistant coach"),
     R("Tom Crean", "employer", "Pittsburgh", "assistant coach"),
     R("Tom Crean", "employer", "Western Kentucky", "assistant coach"),
     R("Tom Crean", "mentor", "Tom Izzo", "assistant"),
     R("Tom Crean", "mentor", "Ralph Willard", "assistant"),
     R("Tom Izzo", "employer", "Michigan State", "head coach"),
     R("Ralph Willard", "employer", "Pittsburgh", "head coach"),
     R("Ralph Willard", "employer", "Western Kentucky", "head coach")])

# 15 --------------------------------------------------------------
grads15 = ["Mary Dolciani", "Irving Reiner", "Murray Rosenblatt", "Joanne Elliott", "Steven Orey",
           "Daniel Ray", "Jean-Pierre Meyer", "Louis De Branges", "Harry Kesten"]
advs15 = ["Mark Kac", "John Barkley Rosser", "Ralph Agnew", "Burton W. Jones", "Harry Pollard", "William Feller"]
doc("xa-cornell-math-doctorates-1940-1959",
    "http://www.math.cornell.edu/m/node/7718",
    [E("Cornell", I), E("Henry Turner Eddy", P), E("James Oliver", P), E("Virgil Snyder", P)]
    + [E(n, P) for n in grads15] + [E(n, P) for n in advs15]
    + [E("Seymour Sherman", P), E("John Adam Fitz Randolph", P), E("University of Chicago", I),
       E("Lockheed Aircraft Corporation", O), E("Indiana University", I)],
    [R("Henry Turner Eddy", "alma_mater", "Cornell", "Ph.D."),
     R("Henry Turner Eddy", "employer", "Cornell", "Assistant Professor in Mathematics"),
     R("James Oliver", "employer", "Cornell", "Chair"),
     R("Virgil Snyder", "employer", "Cornell", "graduate advisor", opt=True)]
    + [R(n, "alma_mater", "Cornell", "doctorate") for n in grads15]
    + [R(n, "employer", "Cornell", "advisor", opt=True) for n in advs15]
    + [R("Seymour Sherman", "alma_mater", "Cornell", "doctorate"),
       R("Seymour Sherman", "adviser", "John Adam Fitz Randolph", "PhD"),
       R("John Adam Fitz Randolph", "employer", "Cornell", opt=True),
       R("Seymour Sherman", "employer", "University of Chicago"),
       R("Seymour Sherman", "employer", "Lockheed Aircraft Corporation", "staff engineer"),
       R("Seymour Sherman", "employer", "Indiana University")])

# 16 --------------------------------------------------------------
doc("xa-newindianexpress-tanmay-bose-tabla",
    "https://www.newindianexpress.com/cities/hyderabad/2025/Sep/13/pt-tanmay-bose-indian-classical-music-teaches-you-power-of-surrender",
    [E("Tanmay Bose", P, ["Pt Tanmay Bose"]),
     E("Munawar Ali Khan", P, ["Ustad Munawar Ali Khan"]),
     E("Amjad Ali Khan", P, ["Ustad Amjad Ali Khan"]),
     E("L Subramaniam", P, ["Dr L Subramaniam"]),
     E("Ravi Shankar", P, ["Pandit Ravi Shankar"])],
    [R("Tanmay Bose", "mentor", "Munawar Ali Khan", "training under")])

# 17 --------------------------------------------------------------
doc("xa-wustl-dougherty-lab-thesis-defenses",
    "http://genetics.wustl.edu/jdlab/upcoming-kristina-and-mike-r-thesis-defenses/",
    [E("Mike R", P, ["Mike"]),
     E("Salk Institute", I),
     E("Sreekanth Chalasani", P, ["Dr. Chalasani", "Chalasani"]),
     E("Kristina", P, ["Krissy"]),
     E("Cagla Eroglu", P, ["Eroglu"]),
     E("Duke University", I),
     E("Eroglu Lab", I)],
    [R("Mike R", "adviser", "Sreekanth Chalasani", "postdoc"),
     R("Mike R", "employer", "Salk Institute", "postdoc"),
     R("Sreekanth Chalasani", "employer", "Salk Institute"),
     R("Kristina", "adviser", "Cagla Eroglu", "postdoc"),
     R("Kristina", "employer", "Duke University", "postdoc"),
     R("Cagla Eroglu", "employer", "Duke University"),
     R("Kristina", "employer", "Eroglu Lab", "postdoc", opt=True),
     R("Cagla Eroglu", "employer", "Eroglu Lab", "head", opt=True)])

# 18 --------------------------------------------------------------
doc("xa-oxfordartonline-latin-american-painters",
    "https://www.oxfordartonline.com/browse?pageSize=20&sort=titlesort&t_2=art_ArtHistory%3A27&t_3=art_ArtHistory%3A54&t_4=art_People%3A4&t_5=art_ArtFormsAndPractices%3A25",
    [E("Amighetti, Francisco", P, ["Amighetti"]),
     E("José Miguel Rojas", P),
     E("Escuela Nacional de Bellas Artes", I),
     E("Louis Gonse", P),
     E("Juan Manuel Sánchez", P),
     E("Francisco Zúñiga", P),
     E("Repertorio Americano", O),
     E("Escuela Normal", I),
     E("Murillo, Gerardo", P, ["Murillo", "Atl, Dr."]),
     E("Mark Castro", P),
     E("Félix Bernardelli", P),
     E("Academia de San Carlos", I),
     E("Accademia di Belle Arti", I),
     E("Real Academia de España", I)],
    [R("Amighetti, Francisco", "alma_mater", "Escuela Nacional de Bellas Artes"),
     R("Amighetti, Francisco", "employer", "Escuela Normal", "taught drawing and wood-engraving"),
     R("Murillo, Gerardo", "mentor", "Félix Bernardelli", "studied with"),
     R("Murillo, Gerardo", "alma_mater", "Academia de San Carlos"),
     R("Murillo, Gerardo", "alma_mater", "Accademia di Belle Arti"),
     R("Murillo, Gerardo", "alma_mater", "Real Academia de España")])

# 19 --------------------------------------------------------------
doc("xa-computationalcomplexity-ingo-wegener",
    "https://blog.computationalcomplexity.org/2008/12/ingo-wegener-1950-2008.html?m=0",
    [E("Ingo Wegener", P, ["Ingo"]),
     E("Philipp Woelfel", P),
     E("Wissenschaftsrat", O),
     E("German Academy of Sciences Leopoldina", O),
     E("Academy of Sciences of Nordrhein-Westfalen", O),
     E("Konrad-Zuse", P, opt=True)],
    [R("Philipp Woelfel", "adviser", "Ingo Wegener", "PhD"),
     R("Ingo Wegener", "employer", "Wissenschaftsrat", "member", opt=True)])

# 20 --------------------------------------------------------------
doc("xa-abouheif-lab-former-phd-student-visits",
    "http://abouheiflab.blogspot.com/2017/05/when-former-phd-students-visit-your-lab.html",
    [E("Rajendhran Rajakumar", P, ["Rajee Rajakumar", "Rajee"]),
     E("Martin Cohn", P),
     E("University of Florida", I),
     E("Harvard University", I),
     E("Nobert Perimon", P),
     E("Ehab Abouheif", P)],
    [R("Rajendhran Rajakumar", "adviser", "Ehab Abouheif", "PhD"),
     R("Rajendhran Rajakumar", "adviser", "Martin Cohn", "postdoc"),
     R("Rajendhran Rajakumar", "employer", "University of Florida", "Postdoctoral Fellow"),
     R("Martin Cohn", "employer", "University of Florida"),
     R("Rajendhran Rajakumar", "adviser", "Nobert Perimon", "postdoc (upcoming)"),
     R("Rajendhran Rajakumar", "employer", "Harvard University", "postdoc (upcoming)"),
     R("Nobert Perimon", "employer", "Harvard University")])

with open(OUT, "w", encoding="utf-8") as f:
    for d in DOCS:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
print("wrote", len(DOCS), "docs to", OUT)
