package stories

import "time"

// sample is one article of the hand-written test set. Articles with the same
// story label must group; articles with different labels must not. All text
// here was written for these tests; none of it is copied from a real outlet.
type sample struct {
	id, story, lang string
	hours           float64 // published, hours after base
	title, body     string
}

var base = time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)

func (s sample) published() time.Time {
	return base.Add(time.Duration(s.hours * float64(time.Hour)))
}

var corpus = []sample{
	// Story A: a wire story on Sheinbaum rejecting US strikes, and four
	// outlets' takes on it.
	{"a1", "A", "en", 0, "Sheinbaum rejects any US military action against cartels on Mexican soil",
		`Mexican President Claudia Sheinbaum on Monday rejected any unilateral military action by the United States against drug cartels inside Mexico, saying cooperation must respect the country's sovereignty. "Mexico is a free, independent and sovereign nation, and we will not accept interventions," Sheinbaum said at her morning press conference in the National Palace. Her remarks came a day after a senior Republican senator urged the Pentagon to prepare strikes on fentanyl laboratories in the states of Sinaloa and Sonora. Sheinbaum said her government was willing to deepen intelligence sharing with Washington but that any operation on Mexican territory would be carried out by Mexican forces. Security officials from both countries are due to meet in Mexico City next week to review a bilateral agreement signed last year. The peso was little changed after her comments.`},
	{"a2", "A", "en", 1.5, "Mexico's Sheinbaum says no to US strikes on cartels",
		`Mexican President Claudia Sheinbaum on Monday rejected any unilateral military action by the United States against drug cartels inside Mexico, saying cooperation must respect the country's sovereignty. "Mexico is a free, independent and sovereign nation, and we will not accept interventions," Sheinbaum said at her morning press conference in the National Palace. Her remarks came a day after a senior Republican senator urged the Pentagon to prepare strikes on fentanyl laboratories in the states of Sinaloa and Sonora. Sheinbaum said her government was willing to deepen intelligence sharing with Washington but that any operation on Mexican territory would be carried out by Mexican forces. Security officials from both countries are due to meet in Mexico City next week to review a bilateral agreement signed last year. In Texas, border county sheriffs said they had seen no change in crossings since the senator's remarks, and El Paso's mayor called for calm.`},
	{"a3", "A", "en", 3, "Sovereignty first: Mexican leader rebuffs calls for American raids",
		`"Mexico is a free, independent and sovereign nation, and we will not accept interventions," Sheinbaum said at her morning press conference in the National Palace. Mexican President Claudia Sheinbaum on Monday rejected any unilateral military action by the United States against drug cartels inside Mexico, saying cooperation must respect the country's sovereignty. Sheinbaum said her government was willing to deepen intelligence sharing with Washington but that any operation on Mexican territory would be carried out by Mexican forces. Her remarks came a day after a senior Republican senator urged the Pentagon to prepare strikes on fentanyl laboratories in the states of Sinaloa and Sonora. Security officials from both countries are due to meet in Mexico City next week to review a bilateral agreement signed last year.`},
	{"a4", "A", "en", 5, "Sheinbaum rejects unilateral US military action against Mexican cartels",
		`President Claudia Sheinbaum of Mexico rejected on Monday any unilateral military action by the United States against drug cartels inside Mexico, insisting that cooperation must respect the country's sovereignty. "Mexico is a free, independent and sovereign nation, and we will not accept interventions," she told her morning press conference. The remarks followed a call by a senior Republican senator for the Pentagon to prepare strikes on fentanyl laboratories in Sinaloa and Sonora. Sheinbaum said Mexico was willing to deepen intelligence sharing with Washington but any operation on Mexican territory would be carried out by Mexican forces.`},
	// A feed snippet: too short for the body, groups on its title.
	{"a5", "A", "en", 2, "Sheinbaum rejects US military action against cartels on Mexican soil",
		`Mexico's president says cooperation must respect sovereignty.`},

	// Story A in Spanish: the same facts, grouped apart by design.
	{"as1", "AS", "es", 0.5, "Sheinbaum rechaza cualquier acción militar de Estados Unidos contra los cárteles",
		`La presidenta de México, Claudia Sheinbaum, rechazó este lunes cualquier acción militar unilateral de Estados Unidos contra los cárteles de la droga en territorio mexicano y afirmó que la cooperación debe respetar la soberanía del país. "México es una nación libre, independiente y soberana, y no aceptaremos intervenciones", dijo Sheinbaum en su conferencia matutina en Palacio Nacional. Sus declaraciones llegaron un día después de que un senador republicano pidiera al Pentágono preparar ataques contra laboratorios de fentanilo en Sinaloa y Sonora. La mandataria dijo que su gobierno está dispuesto a profundizar el intercambio de inteligencia con Washington, pero que cualquier operación en territorio mexicano la realizarán fuerzas mexicanas.`},
	{"as2", "AS", "es", 2, "\"No aceptaremos intervenciones\": Sheinbaum responde a senador estadounidense",
		`"México es una nación libre, independiente y soberana, y no aceptaremos intervenciones", dijo Sheinbaum en su conferencia matutina en Palacio Nacional. La presidenta de México, Claudia Sheinbaum, rechazó este lunes cualquier acción militar unilateral de Estados Unidos contra los cárteles de la droga en territorio mexicano y afirmó que la cooperación debe respetar la soberanía del país. Sus declaraciones llegaron un día después de que un senador republicano pidiera al Pentágono preparar ataques contra laboratorios de fentanilo en Sinaloa y Sonora. En Culiacán, comerciantes del centro dijeron que la tensión ya afecta las ventas de fin de semana.`},

	// Story B: Sheinbaum again, a day and a half later, on another matter.
	{"b1", "B", "en", 36, "Sheinbaum says Mexico will meet water treaty on its own terms",
		`Mexican President Claudia Sheinbaum said on Tuesday that Mexico would deliver the water it owes the United States under the 1944 treaty on a schedule set by Mexican authorities, rejecting a demand from Washington for immediate transfers. "Decisions about Mexican water are taken in Mexico," Sheinbaum told reporters, adding that drought in Chihuahua had left reservoirs at historic lows. US officials have warned that Mexico is behind on its five-year delivery cycle, which ends in October. Farmers in Chihuahua protested last year when federal authorities released water from the La Boquilla dam.`},
	{"b2", "B", "en", 38, "Mexico to set its own timetable for treaty water deliveries, Sheinbaum says",
		`Mexico will deliver the water it owes the United States under the 1944 treaty on a schedule set by Mexican authorities, President Claudia Sheinbaum said on Tuesday, rejecting a demand from Washington for immediate transfers. "Decisions about Mexican water are taken in Mexico," Sheinbaum said, noting that drought in Chihuahua had left reservoirs at historic lows. US officials have warned that Mexico is behind on its five-year delivery cycle, which ends in October. Texas growers in the Rio Grande Valley say the shortfall has already cut citrus and sugar cane harvests.`},
	{"b3", "B", "en", 40, "Water treaty: Mexican president pushes back on US demand",
		`"Decisions about Mexican water are taken in Mexico," Sheinbaum told reporters on Tuesday. Mexican President Claudia Sheinbaum said Mexico would deliver the water it owes the United States under the 1944 treaty on a schedule set by Mexican authorities, rejecting a demand from Washington for immediate transfers. Drought in Chihuahua has left reservoirs at historic lows, she said. US officials have warned that Mexico is behind on its five-year delivery cycle, which ends in October.`},

	// Story C: Mexico again, but markets: must not join A.
	{"c1", "C", "en", 4, "Mexican bonds slide as investors weigh US security tensions",
		`Mexican government bonds fell on Monday and the yield on the 10-year note rose 12 basis points to 9.4 percent as investors weighed rising tension between Mexico and the United States over security. The peso weakened 0.8 percent against the dollar in afternoon trading before recovering some losses. Analysts at a Mexico City brokerage said foreign funds had trimmed holdings of local-currency debt for a third straight session. The central bank is expected to hold its benchmark rate at its meeting later this month, according to a survey of economists.`},
	{"c2", "C", "en", 6, "Peso, bonds under pressure on US-Mexico friction",
		`The yield on Mexico's 10-year government note rose 12 basis points to 9.4 percent on Monday as investors weighed rising tension between Mexico and the United States over security. The peso weakened 0.8 percent against the dollar in afternoon trading before recovering some losses. Foreign funds trimmed holdings of local-currency debt for a third straight session, analysts at a Mexico City brokerage said. Economists surveyed expect the central bank to hold its benchmark rate at its meeting later this month.`},
	{"c3", "C", "en", 7, "Mexican bonds slide as investors weigh US security tensions",
		`Mexican government bonds fell on Monday as investors weighed rising tension with the United States.`},

	// Story C2: the next day's market wrap, written to the same template
	// with other figures: a different story that shares much phrasing.
	{"c4", "C2", "en", 28, "Mexican bonds rally as US-Mexico security tensions ease",
		`Mexican government bonds rose on Tuesday and the yield on the 10-year note fell 15 basis points to 9.25 percent as investors bet on easing tension between Mexico and the United States after the two countries agreed to expand security cooperation. The peso strengthened 1.1 percent against the dollar, its best day in a month. Foreign funds added to holdings of local-currency debt for the first time in four sessions, traders said. The central bank is expected to hold its benchmark rate at its meeting later this month.`},

	// Story D: Venezuela rejects a US naval deployment.
	{"d1", "D", "en", 10, "Venezuela condemns US warships off its coast as a threat to sovereignty",
		`Venezuela's government on Monday condemned the deployment of three US Navy destroyers to the southern Caribbean, calling it a threat to the country's sovereignty and to peace in the region. Foreign Minister Yván Gil said in a statement that Caracas would "defend every inch of its territory" and had asked the United Nations Security Council to take up the matter. The Pentagon said the ships were part of a counter-narcotics operation and were sailing in international waters. President Nicolás Maduro ordered the armed forces to step up patrols along the coast of Falcón and Sucre states.`},
	{"d2", "D", "en", 11, "Caracas takes US naval deployment to the UN Security Council",
		`Foreign Minister Yván Gil said in a statement that Caracas would "defend every inch of its territory" and had asked the United Nations Security Council to take up the matter. Venezuela's government on Monday condemned the deployment of three US Navy destroyers to the southern Caribbean, calling it a threat to the country's sovereignty and to peace in the region. The Pentagon said the ships were part of a counter-narcotics operation and were sailing in international waters. President Nicolás Maduro ordered the armed forces to step up patrols along the coast of Falcón and Sucre states. Oil prices were steady in Asian trading.`},
	{"d3", "D", "en", 12, "Maduro orders coastal patrols as US destroyers sail nearby",
		`President Nicolás Maduro ordered the armed forces to step up patrols along the coast of Falcón and Sucre states on Monday, after his government condemned the deployment of three US Navy destroyers to the southern Caribbean as a threat to Venezuela's sovereignty and to peace in the region. Foreign Minister Yván Gil said Caracas would "defend every inch of its territory" and had asked the United Nations Security Council to take up the matter. The Pentagon said the ships were part of a counter-narcotics operation in international waters. In Trinidad and Tobago, fishermen said they had been warned to stay close to shore.`},
	{"d4", "D", "en", 14, "Venezuela condemns US warships off its coast as threat to sovereignty",
		`Venezuela called the deployment a threat to peace in the region.`},

	// An outlet's own reporting of story D under the wire's headline: it
	// shares the title and one quote, little else.
	{"d5", "D", "en", 15, "Venezuela condemns US warships off its coast as a threat to sovereignty",
		`In the port of La Guaira, navy crews loaded supplies onto two patrol boats on Monday afternoon while dock workers watched from the quay. Officers would not say where the boats were headed. Across town, the foreign minister repeated that Caracas would "defend every inch of its territory" and accused Washington of staging a show of force. Diplomats from three Caribbean governments said they had asked both sides to lower the temperature. Fishermen in the port said fuel was scarce and prices for the day's catch had doubled.`},

	// Story H: Venezuela again, a different story: Russia's offer.
	{"h1", "H", "en", 20, "Russia offers Venezuela help to protect its airspace",
		`Russia is ready to help Venezuela strengthen its air defences, Deputy Foreign Minister Sergei Ryabkov said on Monday, in the latest sign of Moscow's support for the government in Caracas. "We stand ready to provide the assistance our Venezuelan friends request," Ryabkov told a news agency in Moscow. He did not say whether Russia would send equipment or personnel. Russian military transport aircraft have landed in Caracas several times in recent years.`},
	{"h2", "H", "en", 22, "Moscow ready to help Caracas bolster air defences, says Russian diplomat",
		`Russia stands ready to help Venezuela strengthen its air defences, Deputy Foreign Minister Sergei Ryabkov said on Monday. "We stand ready to provide the assistance our Venezuelan friends request," Ryabkov said in Moscow, without saying whether Russia would send equipment or personnel. Russian military transport aircraft have landed in Caracas several times in recent years, drawing protests from Washington.`},

	// Story E: Denmark on Greenland.
	{"e1", "E", "en", 8, "Danish prime minister: Greenland is not for sale",
		`Danish Prime Minister Mette Frederiksen said on Monday that Greenland "is not for sale and never will be", responding to renewed remarks from Washington about acquiring the Arctic island. Frederiksen said the future of Greenland was for its people alone to decide and that Denmark would not discuss its territory with any other country. The island, home to about 57,000 people, is a self-governing part of the Kingdom of Denmark. Denmark announced last month a package of spending on Arctic surveillance, including new patrol vessels and drones.`},
	{"e2", "E", "en", 9, "Frederiksen rebuffs US interest in buying Greenland",
		`Greenland "is not for sale and never will be," Danish Prime Minister Mette Frederiksen said on Monday, responding to renewed remarks from Washington about acquiring the Arctic island. The future of Greenland was for its people alone to decide, she said, and Denmark would not discuss its territory with any other country. Denmark announced last month a package of spending on Arctic surveillance, including new patrol vessels and drones. The island, home to about 57,000 people, is a self-governing part of the Kingdom of Denmark.`},
	{"e3", "E", "en", 9.5, "'Not for sale': Denmark answers Washington on Greenland",
		`Danish Prime Minister Mette Frederiksen said on Monday that Greenland "is not for sale and never will be", responding to renewed remarks from Washington about acquiring the Arctic island. Frederiksen said the future of Greenland was for its people alone to decide and that Denmark would not discuss its territory with any other country. In Nuuk, residents interviewed outside the parliament building said they were tired of being discussed by foreign leaders. The island, home to about 57,000 people, is a self-governing part of the Kingdom of Denmark.`},
	{"e4", "E", "en", 13, "Denmark's Frederiksen: Greenland is not for sale and never will be",
		`Danish Prime Minister Mette Frederiksen responded to renewed remarks from Washington about acquiring the Arctic island, saying the future of Greenland was for its people alone to decide and that Denmark would not discuss its territory with any other country. "Greenland is not for sale and never will be," she told Danish broadcaster reporters in Copenhagen. Denmark announced last month a package of spending on Arctic surveillance, including new patrol vessels and drones.`},

	// Story I: Greenland again, a different story.
	{"i1", "I", "en", 30, "Greenland's premier sets out path to independence vote",
		`Greenland's premier said on Tuesday that the island's government would present a draft constitution to parliament next year as a step toward a referendum on independence from Denmark. The premier told lawmakers in Nuuk that economic self-sufficiency, including revenue from fishing and mining, had to come before any vote. Polls show most Greenlanders favour independence in principle but fewer support it if it meant a fall in living standards. Denmark provides an annual block grant of about 4 billion kroner.`},
	{"i2", "I", "en", 31, "Greenland to draft constitution ahead of independence referendum",
		`Greenland's government will present a draft constitution to parliament next year as a step toward a referendum on independence from Denmark, the premier told lawmakers in Nuuk on Tuesday. Economic self-sufficiency, including revenue from fishing and mining, had to come before any vote, the premier said. Denmark provides an annual block grant of about 4 billion kroner. Polls show most Greenlanders favour independence in principle.`},

	// Story F: Panama on the canal.
	{"f1", "F", "en", 16, "Panama's Mulino: the canal belongs to Panama",
		`Panamanian President José Raúl Mulino said on Monday that "every square metre" of the Panama Canal and its adjacent zone belongs to Panama, after a US official suggested Washington should have a say in how the waterway is run. Mulino said the canal's neutrality was guaranteed by treaty and that Panama would not negotiate its sovereignty. The canal authority reported that transits had returned to normal levels after two years of drought restrictions. Shipping companies said waiting times at the Pacific entrance had fallen to under a day.`},
	{"f2", "F", "en", 17, "Mulino says Panama will not negotiate sovereignty over canal",
		`Panama will not negotiate its sovereignty over the canal, President José Raúl Mulino said on Monday, insisting that "every square metre" of the waterway and its adjacent zone belongs to Panama. His remarks followed a suggestion by a US official that Washington should have a say in how the canal is run. Mulino said the canal's neutrality was guaranteed by treaty. Transits have returned to normal levels after two years of drought restrictions, the canal authority said.`},
	{"f3", "FT", "en", 18, "Panama canal transits back to normal after drought, authority says",
		`Transits through the Panama Canal have returned to normal levels after two years of drought restrictions, the canal authority said on Monday. Waiting times at the Pacific entrance have fallen to under a day, shipping companies said, and the authority lifted draft limits for the largest vessels. Gatun Lake, which feeds the locks, is above its seasonal average after heavy rain in the autumn. The authority expects revenue to rise this fiscal year.`},

	// Story G: Colombia, in Spanish.
	{"g1", "G", "es", 24, "Petro rechaza la descertificación de Colombia por parte de Estados Unidos",
		`El presidente de Colombia, Gustavo Petro, rechazó este martes la decisión de Estados Unidos de descertificar al país en la lucha contra las drogas y afirmó que Colombia no aceptará imposiciones de ningún gobierno extranjero. "Colombia es un país soberano y no necesita el permiso de Washington para definir su política de drogas", escribió Petro en sus redes sociales. La Casa Blanca argumentó que los cultivos de coca alcanzaron un nuevo récord el año pasado. La cancillería colombiana convocó al encargado de negocios estadounidense para pedir explicaciones.`},
	{"g2", "G", "es", 25, "\"No necesitamos el permiso de Washington\": Petro tras la descertificación",
		`"Colombia es un país soberano y no necesita el permiso de Washington para definir su política de drogas", escribió Petro en sus redes sociales. El presidente de Colombia, Gustavo Petro, rechazó este martes la decisión de Estados Unidos de descertificar al país en la lucha contra las drogas y afirmó que Colombia no aceptará imposiciones de ningún gobierno extranjero. La cancillería colombiana convocó al encargado de negocios estadounidense para pedir explicaciones. En Cali, productores de café temen que la medida afecte las exportaciones.`},
	{"g3", "G", "es", 26, "Colombia convoca al encargado de negocios de EE.UU. tras la descertificación",
		`La cancillería colombiana convocó al encargado de negocios estadounidense para pedir explicaciones después de que Estados Unidos descertificara al país en la lucha contra las drogas. El presidente Gustavo Petro rechazó la decisión y afirmó que Colombia no aceptará imposiciones de ningún gobierno extranjero. "Colombia es un país soberano y no necesita el permiso de Washington para definir su política de drogas", escribió el mandatario. La Casa Blanca argumentó que los cultivos de coca alcanzaron un nuevo récord el año pasado.`},

	// Story GS: Colombia again, different Spanish story on the same topic.
	{"gs1", "GS", "es", 28, "Colombia erradicará 30.000 hectáreas de coca este año, anuncia el ministro de Defensa",
		`El ministro de Defensa de Colombia anunció este martes que el gobierno erradicará 30.000 hectáreas de cultivos de coca este año, la mayoría de forma manual y con acuerdos de sustitución con campesinos. El ministro dijo que las operaciones se concentrarán en Nariño, Cauca y Putumayo. Organizaciones campesinas pidieron garantías de seguridad para los erradicadores y pagos a tiempo de los subsidios prometidos.`},

	// A recurring headline: two days of a live page under one title,
	// with nothing in common below it.
	{"l1", "L1", "en", 3, "Mexico security news live: what we know so far about the cartel crackdown",
		`Soldiers and national guard troops set up checkpoints on the highway between Culiacán and Mazatlán on Monday. Local schools in two municipalities cancelled classes after overnight gunfire. The state prosecutor said five people had been detained and a cache of rifles seized in a warehouse near the airport.`},
	{"l2", "L2", "en", 27, "Mexico security news live: what we know so far about the cartel crackdown",
		`A federal judge in Mexico City ordered the release of two suspects on Tuesday, citing flaws in their arrest. The defence ministry published figures showing a fall in homicides in Sinaloa for the second month running. Transport companies in Sonora said drivers would travel only in daylight until further notice.`},

	// Singletons on the same countries and people: must stay alone.
	{"s1", "S1", "en", 2, "Sheinbaum unveils plan to cut electricity prices for households",
		`President Claudia Sheinbaum on Monday announced a plan to lower household electricity tariffs by expanding solar generation run by the state utility. The plan includes new plants in Sonora and Baja California and subsidies for rooftop panels. Sheinbaum said the first discounts would appear on bills in the summer. Private generators said they had not been consulted.`},
	{"s2", "S2", "en", 12, "US and Mexico agree to expand intelligence sharing on fentanyl",
		`Security officials from the United States and Mexico agreed on Tuesday to expand intelligence sharing on fentanyl trafficking and to set up a joint task force on precursor chemicals. The agreement followed two days of talks in Mexico City. Mexican Foreign Minister Juan Ramón de la Fuente said the deal respected the sovereignty of both nations. US officials said the first joint operations could begin within weeks.`},
	{"s3", "S3", "en", 15, "Canada rejects US tariff threat, vows to defend its industries",
		`Canada's prime minister said on Monday that Ottawa would not accept new US tariffs on steel and aluminium and would respond with measures of its own if Washington went ahead. "Canada will defend its workers and its industries," the prime minister said in Ottawa. Provincial premiers met by video call to coordinate a response. The Canadian dollar slipped against the US currency.`},
	{"s4", "S4", "en", 26, "Mexico's peso hits two-month high as tensions ease",
		`The Mexican peso rose to its strongest level in two months on Tuesday as investors bet that security tensions with the United States would ease after the two countries agreed to expand cooperation. Government bond yields fell across the curve. Traders said foreign funds were returning to local-currency debt after a week of outflows.`},
	{"s5", "S5", "es", 6, "Sheinbaum presenta plan para bajar las tarifas eléctricas",
		`La presidenta Claudia Sheinbaum anunció este lunes un plan para reducir las tarifas eléctricas de los hogares mediante la expansión de la generación solar de la empresa estatal. El plan incluye nuevas plantas en Sonora y Baja California y subsidios para paneles en los techos.`},
	{"s6", "S6", "en", 20, "Venezuela's opposition calls for talks mediated by Brazil",
		`Venezuela's main opposition coalition on Monday called for negotiations with the government mediated by Brazil and Colombia, saying the country needed a peaceful way out of its political crisis. Opposition leaders said they would not take part in regional elections scheduled for the spring without independent observers. The government did not respond to the proposal.`},
}
