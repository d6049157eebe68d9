package geo

// Hand-written tables. Country names in English and Spanish come from
// golang.org/x/text (see gazetteer.go); what follows is what CLDR does not
// carry: common short forms, demonyms, capitals used as metonyms and the
// institutions that speak for a state.

// aliases are extra names of a country, English and Spanish mixed.
var aliases = map[string][]string{
	"US": {"United States", "United States of America", "US", "U.S.", "U.S.A.", "USA", "America", "EE.UU.", "EEUU", "EE. UU.", "Estados Unidos de America", "Estados Unidos de Norteamérica", "Unión Americana"},
	"MX": {"Mexico", "México", "Méjico", "United Mexican States", "Estados Unidos Mexicanos"},
	"GB": {"Britain", "Great Britain", "UK", "U.K.", "United Kingdom", "Gran Bretaña", "Reino Unido", "England", "Inglaterra"},
	"RU": {"Russian Federation", "Federación Rusa", "Federación de Rusia"},
	"CN": {"People's Republic of China", "PRC", "República Popular China", "mainland China"},
	"TW": {"Taiwan", "Republic of China", "Taiwán"},
	"KR": {"South Korea", "Corea del Sur", "Republic of Korea"},
	"KP": {"North Korea", "Corea del Norte", "DPRK"},
	"CD": {"DR Congo", "DRC", "Democratic Republic of the Congo", "República Democrática del Congo", "RDC"},
	"CG": {"Republic of the Congo", "Congo-Brazzaville"},
	"CI": {"Ivory Coast", "Côte d'Ivoire", "Costa de Marfil"},
	"CZ": {"Czech Republic", "República Checa", "Czechia", "Chequia"},
	"NL": {"Holland", "Netherlands", "Holanda", "Países Bajos"},
	"VE": {"Venezuela", "Bolivarian Republic of Venezuela", "República Bolivariana de Venezuela"},
	"BO": {"Bolivia"},
	"IR": {"Iran", "Irán", "Islamic Republic of Iran"},
	"SY": {"Syria", "Siria"},
	"VN": {"Vietnam", "Viet Nam"},
	"LA": {"Laos"},
	"MM": {"Myanmar", "Burma", "Birmania"},
	"PS": {"Palestine", "Palestina", "Palestinian Territories", "Gaza", "West Bank", "Cisjordania"},
	"VA": {"Vatican", "Holy See", "Santa Sede", "Vaticano"},
	"TR": {"Turkey", "Türkiye", "Turquía"},
	"MK": {"North Macedonia", "Macedonia del Norte"},
	"BA": {"Bosnia", "Bosnia and Herzegovina", "Bosnia y Herzegovina"},
	"DO": {"Dominican Republic", "República Dominicana"},
	"HT": {"Haiti", "Haití"},
	"PA": {"Panama", "Panamá"},
	"GL": {"Greenland", "Groenlandia", "Kalaallit Nunaat"},
	"DK": {"Denmark", "Dinamarca"},
	"FK": {"Falklands", "Falkland Islands", "Malvinas", "Islas Malvinas"},
	"XK": {"Kosovo"},
	"EU": {"European Union", "Unión Europea", "EU", "UE"},
	"AE": {"UAE", "United Arab Emirates", "Emiratos Árabes Unidos", "Emirates"},
	"SA": {"Saudi Arabia", "Arabia Saudita", "Arabia Saudí"},
	"PR": {"Puerto Rico"},
}

// ambiguousNames are CLDR names that are also ordinary words or common
// places in news text, so they would produce false countries.
var ambiguousNames = map[string]bool{
	"reunion": true, "granada": true, "san martin": true, "guadalupe": true,
	"santa elena": true, "man": true, "isla de man": false, "jersey": true,
	"georgia": false, "chad": false, "navidad": true, "isla de navidad": true,
	"santa lucia": true, "san marino": false, "dominica": false, "america": false,
	"niger": false, "guinea": false, "eu": false, "ue": false, "us": true,
}

// demonyms are adjective/nationality forms. English forms get a plural
// "s" where English takes one; Spanish forms are given in the masculine
// singular and expanded to feminine and plural (see spanishForms).
var demonymsEN = map[string][]string{
	"US": {"American", "U.S.", "US"}, "MX": {"Mexican"}, "CA": {"Canadian"}, "GB": {"British", "Briton", "UK"},
	"FR": {"French"}, "DE": {"German"}, "IT": {"Italian"}, "ES": {"Spanish", "Spaniard"}, "PT": {"Portuguese"},
	"RU": {"Russian"}, "CN": {"Chinese"}, "JP": {"Japanese"}, "KR": {"South Korean"}, "KP": {"North Korean"},
	"IN": {"Indian"}, "PK": {"Pakistani"}, "IR": {"Iranian"}, "IQ": {"Iraqi"}, "IL": {"Israeli"}, "PS": {"Palestinian"},
	"SY": {"Syrian"}, "TR": {"Turkish"}, "SA": {"Saudi"}, "EG": {"Egyptian"}, "UA": {"Ukrainian"}, "PL": {"Polish"},
	"BY": {"Belarusian"}, "DK": {"Danish", "Dane"}, "GL": {"Greenlandic", "Greenlander"}, "NO": {"Norwegian"},
	"SE": {"Swedish", "Swede"}, "FI": {"Finnish", "Finn"}, "IS": {"Icelandic"}, "NL": {"Dutch"}, "BE": {"Belgian"},
	"CH": {"Swiss"}, "AT": {"Austrian"}, "IE": {"Irish"}, "GR": {"Greek"}, "HU": {"Hungarian"}, "RO": {"Romanian"},
	"CZ": {"Czech"}, "SK": {"Slovak"}, "RS": {"Serbian"}, "HR": {"Croatian"}, "MD": {"Moldovan"}, "GE": {"Georgian"},
	"CO": {"Colombian"}, "VE": {"Venezuelan"}, "CU": {"Cuban"}, "PA": {"Panamanian"},
	"SV": {"Salvadoran", "Salvadorean"}, "GT": {"Guatemalan"}, "HN": {"Honduran"}, "NI": {"Nicaraguan"},
	"CR": {"Costa Rican"}, "EC": {"Ecuadorian", "Ecuadorean"}, "PE": {"Peruvian"}, "BO": {"Bolivian"},
	"CL": {"Chilean"}, "AR": {"Argentine", "Argentinian"}, "BR": {"Brazilian"}, "UY": {"Uruguayan"},
	"PY": {"Paraguayan"}, "DO": {"Dominican"}, "HT": {"Haitian"}, "JM": {"Jamaican"}, "TT": {"Trinidadian"},
	"GY": {"Guyanese"}, "PR": {"Puerto Rican"}, "AU": {"Australian"}, "NZ": {"New Zealand"}, "ZA": {"South African"},
	"NG": {"Nigerian"}, "TW": {"Taiwanese"}, "VN": {"Vietnamese"}, "PH": {"Philippine", "Filipino"},
	"ID": {"Indonesian"}, "AF": {"Afghan"}, "LB": {"Lebanese"}, "JO": {"Jordanian"}, "YE": {"Yemeni"}, "QA": {"Qatari"},
	"AE": {"Emirati"}, "EU": {"European"}, "LT": {"Lithuanian"}, "LV": {"Latvian"}, "EE": {"Estonian"},
	"MA": {"Moroccan"}, "DZ": {"Algerian"}, "TN": {"Tunisian"}, "LY": {"Libyan"}, "SD": {"Sudanese"},
	"SS": {"South Sudanese"}, "ET": {"Ethiopian"}, "ER": {"Eritrean"}, "SO": {"Somali", "Somalian"},
	"DJ": {"Djiboutian"}, "KE": {"Kenyan"}, "UG": {"Ugandan"}, "RW": {"Rwandan"}, "BI": {"Burundian"},
	"TZ": {"Tanzanian"}, "CD": {"Congolese"}, "AO": {"Angolan"}, "MZ": {"Mozambican"}, "ZW": {"Zimbabwean"},
	"ZM": {"Zambian"}, "NA": {"Namibian"}, "BW": {"Botswanan"}, "MG": {"Malagasy"}, "GH": {"Ghanaian"},
	"SN": {"Senegalese"}, "ML": {"Malian"}, "NE": {"Nigerien"}, "BF": {"Burkinabe", "Burkinabè"}, "CI": {"Ivorian"},
	"CM": {"Cameroonian"}, "TD": {"Chadian"}, "GN": {"Guinean"}, "BJ": {"Beninese"}, "TG": {"Togolese"},
	"SL": {"Sierra Leonean"}, "LR": {"Liberian"}, "GM": {"Gambian"}, "MR": {"Mauritanian"}, "EH": {"Sahrawi"},
	"OM": {"Omani"}, "KW": {"Kuwaiti"}, "BH": {"Bahraini"}, "AM": {"Armenian"}, "AZ": {"Azerbaijani"}, "KZ": {"Kazakh"},
	"UZ": {"Uzbek"}, "KG": {"Kyrgyz"}, "TJ": {"Tajik"}, "TM": {"Turkmen"}, "BD": {"Bangladeshi"}, "LK": {"Sri Lankan"},
	"NP": {"Nepali", "Nepalese"}, "TH": {"Thai"}, "MY": {"Malaysian"}, "SG": {"Singaporean"}, "KH": {"Cambodian"},
	"MM": {"Burmese"}, "LA": {"Laotian"}, "MN": {"Mongolian"}, "BN": {"Bruneian"}, "BG": {"Bulgarian"},
	"SI": {"Slovenian"}, "BA": {"Bosnian"}, "AL": {"Albanian"}, "XK": {"Kosovar"}, "ME": {"Montenegrin"},
	"MK": {"Macedonian"}, "CY": {"Cypriot"}, "MT": {"Maltese"}, "BZ": {"Belizean"}, "BS": {"Bahamian"},
	"BB": {"Barbadian"}, "SR": {"Surinamese"}, "FJ": {"Fijian"}, "PG": {"Papua New Guinean"},
}

var demonymsES = map[string][]string{
	"US": {"estadounidense", "norteamericano", "gringo"}, "MX": {"mexicano"}, "CA": {"canadiense"},
	"GB": {"británico", "inglés"}, "FR": {"francés"}, "DE": {"alemán"}, "IT": {"italiano"}, "ES": {"español"},
	"PT": {"portugués"}, "RU": {"ruso"}, "CN": {"chino"}, "JP": {"japonés"}, "KR": {"surcoreano"}, "KP": {"norcoreano"},
	"IN": {"indio"}, "IR": {"iraní"}, "IQ": {"iraquí"}, "IL": {"israelí"}, "PS": {"palestino"}, "SY": {"sirio"},
	"TR": {"turco"}, "SA": {"saudí"}, "UA": {"ucraniano"}, "PL": {"polaco"}, "DK": {"danés"}, "GL": {"groenlandés"},
	"NO": {"noruego"}, "SE": {"sueco"}, "FI": {"finlandés"}, "NL": {"neerlandés", "holandés"}, "BE": {"belga"},
	"CH": {"suizo"}, "AT": {"austriaco"}, "IE": {"irlandés"}, "GR": {"griego"}, "HU": {"húngaro"}, "CO": {"colombiano"},
	"VE": {"venezolano"}, "CU": {"cubano"}, "PA": {"panameño"}, "SV": {"salvadoreño"}, "GT": {"guatemalteco"},
	"HN": {"hondureño"}, "NI": {"nicaragüense"}, "CR": {"costarricense"}, "EC": {"ecuatoriano"}, "PE": {"peruano"},
	"BO": {"boliviano"}, "CL": {"chileno"}, "AR": {"argentino"}, "BR": {"brasileño"}, "UY": {"uruguayo"},
	"PY": {"paraguayo"}, "DO": {"dominicano"}, "HT": {"haitiano"}, "JM": {"jamaiquino"}, "PR": {"puertorriqueño"},
	"AU": {"australiano"}, "ZA": {"sudafricano"}, "TW": {"taiwanés"}, "VN": {"vietnamita"}, "EU": {"europeo"},
	"EG": {"egipcio"}, "AF": {"afgano"}, "CZ": {"checo"}, "RS": {"serbio"}, "RO": {"rumano"}, "MA": {"marroquí"},
	"DZ": {"argelino"}, "TN": {"tunecino"}, "LY": {"libio"}, "SD": {"sudanés"}, "ET": {"etíope"}, "ER": {"eritreo"},
	"SO": {"somalí"}, "KE": {"keniano", "keniata"}, "UG": {"ugandés"}, "RW": {"ruandés"}, "TZ": {"tanzano"},
	"CD": {"congoleño"}, "AO": {"angoleño"}, "MZ": {"mozambiqueño"}, "ZW": {"zimbabuense"}, "ZM": {"zambiano"},
	"NA": {"namibio"}, "GH": {"ghanés"}, "SN": {"senegalés"}, "ML": {"maliense", "malí"}, "NE": {"nigerino"},
	"NG": {"nigeriano"}, "BF": {"burkinés"}, "CI": {"marfileño"}, "CM": {"camerunés"}, "TD": {"chadiano"},
	"GN": {"guineano"}, "EH": {"saharaui"}, "JO": {"jordano"}, "LB": {"libanés"}, "QA": {"catarí"}, "AE": {"emiratí"},
	"OM": {"omaní"}, "KW": {"kuwaití"}, "YE": {"yemení"}, "AM": {"armenio"}, "AZ": {"azerbaiyano"}, "KZ": {"kazajo"},
	"UZ": {"uzbeko"}, "BD": {"bangladesí"}, "LK": {"esrilanqués", "ceilandés"}, "NP": {"nepalí"}, "TH": {"tailandés"},
	"MY": {"malasio"}, "SG": {"singapurense"}, "KH": {"camboyano"}, "MM": {"birmano"}, "MN": {"mongol"},
	"BG": {"búlgaro"}, "SI": {"esloveno"}, "HR": {"croata"}, "BA": {"bosnio"}, "AL": {"albanés"}, "XK": {"kosovar"},
	"ME": {"montenegrino"}, "MK": {"macedonio"}, "CY": {"chipriota"}, "MT": {"maltés"}, "LU": {"luxemburgués"},
	"IS": {"islandés"}, "PH": {"filipino"}, "ID": {"indonesio"}, "NZ": {"neozelandés"},
	"PK": {"paquistaní", "pakistaní"}, "GE": {"georgiano"}, "BY": {"bielorruso"}, "MD": {"moldavo"}, "LT": {"lituano"},
	"LV": {"letón"}, "EE": {"estonio"}, "SK": {"eslovaco"}, "BZ": {"beliceño"}, "SR": {"surinamés"}, "GY": {"guyanés"},
	"TT": {"trinitense"}, "BS": {"bahameño"}, "SS": {"sursudanés"},
}

// capitals are capital cities and seats of government used in news as
// shorthand for their government ("Washington warned ...").
var capitals = map[string][]string{
	"US": {"Washington"}, "MX": {"Mexico City", "Ciudad de México", "CDMX"}, "CA": {"Ottawa"},
	"GB": {"London", "Londres"}, "FR": {"Paris", "París"}, "DE": {"Berlin", "Berlín"}, "IT": {"Rome", "Roma"},
	"ES": {"Madrid"}, "PT": {"Lisbon", "Lisboa"}, "RU": {"Moscow", "Moscú"}, "CN": {"Beijing", "Pekín", "Peking"},
	"JP": {"Tokyo", "Tokio"}, "KR": {"Seoul", "Seúl"}, "KP": {"Pyongyang"}, "IN": {"New Delhi", "Nueva Delhi"},
	"IR": {"Tehran", "Teherán"}, "IL": {"Jerusalem", "Jerusalén"}, "TR": {"Ankara"}, "UA": {"Kyiv", "Kiev"},
	"PL": {"Warsaw", "Varsovia"}, "DK": {"Copenhagen", "Copenhague"}, "GL": {"Nuuk"}, "NO": {"Oslo"},
	"SE": {"Stockholm", "Estocolmo"}, "FI": {"Helsinki"}, "BE": {"Brussels", "Bruselas"}, "CO": {"Bogotá"},
	"VE": {"Caracas"}, "CU": {"Havana", "La Habana"}, "PA": {"Panama City", "Ciudad de Panamá"}, "SV": {"San Salvador"},
	"GT": {"Guatemala City"}, "HN": {"Tegucigalpa"}, "NI": {"Managua"}, "EC": {"Quito"}, "PE": {"Lima"},
	"BO": {"La Paz"}, "CL": {"Santiago"}, "AR": {"Buenos Aires"}, "BR": {"Brasília", "Brasilia"}, "UY": {"Montevideo"},
	"PY": {"Asunción"}, "DO": {"Santo Domingo"}, "HT": {"Port-au-Prince", "Puerto Príncipe"},
	"TW": {"Taipei", "Taipéi"}, "SY": {"Damascus", "Damasco"}, "BY": {"Minsk"}, "SA": {"Riyadh", "Riad"},
	"EG": {"Cairo", "El Cairo"}, "MA": {"Rabat"}, "DZ": {"Algiers", "Argel"}, "LY": {"Tripoli", "Trípoli"},
	"SD": {"Khartoum", "Jartum"}, "ET": {"Addis Ababa", "Adís Abeba"}, "ER": {"Asmara"},
	"SO": {"Mogadishu", "Mogadiscio"}, "KE": {"Nairobi"}, "UG": {"Kampala"}, "RW": {"Kigali"}, "CD": {"Kinshasa"},
	"AO": {"Luanda"}, "ZA": {"Pretoria"}, "NG": {"Abuja"}, "GH": {"Accra"}, "SN": {"Dakar"}, "ML": {"Bamako"},
	"NE": {"Niamey"}, "BF": {"Ouagadougou", "Uagadugú"}, "IQ": {"Baghdad", "Bagdad"}, "JO": {"Amman", "Ammán"},
	"LB": {"Beirut"}, "QA": {"Doha"}, "AE": {"Abu Dhabi", "Abu Dabi"}, "AF": {"Kabul"}, "PK": {"Islamabad"},
	"BD": {"Dhaka", "Daca"}, "TH": {"Bangkok"}, "VN": {"Hanoi", "Hanói"}, "PH": {"Manila"},
	"ID": {"Jakarta", "Yakarta"}, "AU": {"Canberra"}, "GR": {"Athens", "Atenas"}, "AT": {"Vienna", "Viena"},
	"CH": {"Bern", "Berna"}, "CZ": {"Prague", "Praga"}, "HU": {"Budapest"}, "SK": {"Bratislava"},
	"RO": {"Bucharest", "Bucarest"}, "RS": {"Belgrade", "Belgrado"}, "LT": {"Vilnius", "Vilna"}, "LV": {"Riga"},
	"EE": {"Tallinn", "Tallin"}, "GE": {"Tbilisi", "Tiflis"}, "AM": {"Yerevan", "Ereván"}, "AZ": {"Baku", "Bakú"},
	"IE": {"Dublin", "Dublín"}, "NL": {"The Hague", "La Haya"}, "JM": {"Kingston"},
	"TT": {"Port of Spain", "Puerto España"}, "MD": {"Chisinau"}, "KZ": {"Astana"}, "IS": {"Reykjavik"},
	"NZ": {"Wellington"},
}

// institutions are bodies whose name alone says which state they speak for.
var institutions = map[string][]string{
	"US": {"White House", "Casa Blanca", "Pentagon", "Pentágono", "State Department", "Department of State", "Departamento de Estado", "Department of War", "Department of Defense", "Departamento de Guerra", "Departamento de Defensa", "Oval Office", "Capitol Hill", "Southern Command", "Comando Sur", "SOUTHCOM", "Homeland Security", "Trump administration", "gobierno de Trump", "administración Trump", "administración de Trump"},
	"MX": {"Palacio Nacional", "SRE", "Secretaría de Relaciones Exteriores", "Sedena", "Defensa Nacional", "Semar", "Los Pinos"},
	"RU": {"Kremlin", "Kremlin", "Kremlin's", "Kremlin spokesman"},
	"AR": {"Casa Rosada"}, "VE": {"Miraflores", "Palacio de Miraflores"}, "BR": {"Itamaraty", "Planalto", "Palácio do Planalto"},
	"FR": {"Élysée", "Elysee Palace", "Quai d'Orsay"}, "GB": {"Downing Street", "Foreign Office", "Whitehall"},
	"CN": {"Zhongnanhai"}, "CO": {"Casa de Nariño"}, "CL": {"La Moneda", "Palacio de La Moneda"}, "PE": {"Palacio de Gobierno"},
	"CU": {"MINREX"}, "DK": {"Christiansborg"}, "GL": {"Naalakkersuisut", "Inatsisartut"}, "CA": {"Parliament Hill", "Global Affairs Canada"},
	"PA": {"Palacio de las Garzas", "Autoridad del Canal de Panamá", "Panama Canal Authority"}, "UA": {"Bankova"},
}
