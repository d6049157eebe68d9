package detect

// Cue categories. A word or phrase may carry several; the rules in rules.go
// combine them per sentence. Phrases are written with accents and case as a
// person would; they are keyed with geo.Key when the detector is built.
type cat uint64

const (
	cSov          cat = 1 << iota // sovereignty, independence, self-determination
	cSovAssert                    // an assertion on its own: "belongs to", "not for sale"
	cViolation                    // "violation of": what follows is violated, not asserted
	cReject                       // reject, condemn, "will not accept"
	cInterv                       // intervention, interference, invasion, foreign troops
	cIntervWeak                   // bare "intervention": needs a foreign/military modifier
	cClaim                        // remarks, threats, pressure: what a rejection can target
	cRejectPhrase                 // a rejection on its own: "cooperation yes, subordination no"
	cThreat                       // a threat on its own: "all options are on the table"
	cThreatVerb                   // strike, attack, invade, take control: needs a target
	cNotRuleOut                   // "did not rule out": turns what follows into a threat
	cNeg                          // denied, ruled out, no plans to: cancels threat and offer
	cOffer                        // offer, ready to send, will provide
	cAid                          // troops, trainers, equipment, military assistance
	cRequest                      // asked for, welcomed: a request is not an offer
	cCond                         // if, si: a condition about someone else's act
	cForeignMod                   // foreign, military, any: makes a weak intervention word count
	cSpeech                       // said, told, afirmó: marks attribution
	cStance                       // verbs that make their subject a speaker: rejected, offered
	cTitle                        // a title or role phrase; role in lexEntry.role
	cBody                         // government, foreign ministry, Cancillería
	cPronoun                      // he, she, ella; gender in lexEntry.role
	cNonState                     // analysts, experts, scholars: not a state speaker
	cSuppress                     // finance, medicine, sport, culture: the sentence is off topic
	cBlock                        // a phrase that only exists to hide a cue ("sovereign bonds")
	cPrep                         // of, de, to, with: what follows is an object, not a subject
	cHedge                        // could, may, podría: lowers confidence
	cArticle                      // the, el, la: skipped when resolving titles
	cBreak                        // but, pero, aunque: ends the scope of a negation
	cAgainst                      // against, ante: "defend sovereignty against any invasion"
	cPermit                       // allow, permitir: negated, it rejects what it would allow
	cWarn                         // warned, advirtió: with "any intervention" it rejects it
	cSubord                       // after, tras: what follows is someone else's act, reported
	cForeign                      // foreign, extranjero: "foreign soldiers" are an intervention
	cCall                         // called it, calificó de: with "aggression" it rejects
	cTerritory                    // territory, parte de: next to the speaker's country it asserts
	cNegator                      // no, never, ningún: with a foreign presence it rejects
	cDecide                       // decide, deciden: with the speaker's own people or capital it asserts
	cBelong                       // es de los: with the speaker's demonym it asserts
	cDispatch                     // send, enviar, deploy: with a military noun, an action on another state
	cMilNoun                      // military, troops, army
	cThreatMark                   // into, destroy, if necessary: the action is coercive
	cHelp                         // help, support, if asked: the action is assistance
	cOtherState                   // country, país, gobierno: after a negator, any other state
	cDictate                      // order, dictar, tell: what no other state may do
	cDenySov                      // attempt at, separatist: the sovereignty named is denied, not asserted
	cPeaceful                     // through diplomacy: what is sought is not sought by force
	cEval                         // provocation, act of war: with a foreign state named, a rejection
	cStop                         // stop, dejar de: with an intervention after it, a rejection
	cModal                        // would, to: a noun-like threat word ("strikes") needs one to be a verb
	cNegotiate                    // negotiate: negated, with territory or sovereignty, an assertion
	cCivil                        // fires, hurricane: aid in such a sentence counts only if it is military
	cCopula                       // is, es: followed by the speaker's own demonym, an assertion
	cAcquire                      // take, tomar, quedarse con: with a foreign country or canal after it, a threat
	cDefend                       // defend, proteger: with "against any aggression", a rejection
	cDemand                       // demand, exigir: with a withdrawal of foreign forces, a rejection
	cWithdraw                     // withdrawal, retirada, leave: what a demand asks of foreign forces
	cSpace                        // airspace, aguas territoriales: violated, a rejection
	cPresence                     // presence, deployment, agents: negated with "foreign", a rejection
	cPlan                         // consider, weigh, planear: with a military action and a target, a threat
	cMilAction                    // strikes, raid, military operation: what a plan or threat is about
	cSale                         // real estate, be bought, se vende: negated, an assertion
	cConsent                      // consent, autorización: required of a foreign operation, a rejection
	cYield                        // kneel, surrender, arrodillarse: negated, an assertion
)

// Role sets matched by role phrases.
const (
	rHead = 1 << iota
	rPresident
	rPrime
	rForeign
	rDefence
	rSecurity
	rMinister
	rSpokes
	rLegis
	rVice
	rDiplomat
	rMonarch
	rFemale
	rMale
	rNeuter
	rPassive  // on a "not ruled out" phrase: passive, the act stands before it
	rTarget   // on "legitimate targets": after "would" or "will", a threat too
	rCondOnly // on "we will act": a threat verb only in a sentence with a condition
	rReady    // on "the military stands ready": not in a sentence of help or civil aid
	rColony   // on "no es colonia de nadie", "never recognise": a rejection only with a foreign act in the sentence
	rAnswer   // on "right to respond": no threat in a sentence that condemns or protests
)

var lexicon = []struct {
	c    cat
	role int
	list []string
}{
	// detect9: saying the country is nobody's colony, or will never
	// recognise an occupation, asserts sovereignty; it rejects an
	// intervention only when the sentence names a foreign act (see
	// colonyOnly in rules.go).
	{0, rColony, []string{"not be a colony", "no es colonia", "jamás será colonia", "nunca será colonia",
		"would not be a colony", "not a colony", "no somos colonia", "colony of anyone", "colonia de nadie",
		"no es colonia de nadie", "no somos colonia de nadie", "is nobody's colony", "is no one's colony",
		"not anyone's colony", "never recognize", "never recognise", "nunca reconocerá", "jamás reconocerá"}},
	{0, rAnswer, []string{"right to respond", "derecho a responder", "derecho de responder"}},
	{cSov, 0, []string{"sovereignty", "sovereign", "soberanía", "soberano", "soberana", "soberanos", "soberanas",
		"independence", "independencia", "self-determination", "self determination", "autodeterminación",
		"territorial integrity", "integridad territorial", "free, independent and sovereign", "libre, independiente y soberano",
		"inalienable part", "parte inalienable", "free and sovereign", "libre y soberana", "libre y soberano"}},
	{cSovAssert, 0, []string{"right to decide", "derecho a decidir", "our own destiny", "su propio destino", "dueños de nuestro destino", "masters of our destiny", "national dignity", "dignidad nacional", "independent nation", "nación independiente", "sovereignty means", "es la soberanía", "would never surrender", "never surrender", "nunca se rendirá", "integral part", "parte integral", "integral part of", "belonged to", "belonged to the", "never cede", "will never cede", "would never cede", "not cede an inch", "ni un centímetro", "ni una pulgada", "choose our own partners", "choose our partners ourselves", "choose our own path", "our own path",
		"elegimos a nuestros socios", "nuestro propio camino", "elige a sus socios", "chooses its own partners", "ni un palmo", "ni un milímetro", "not an inch", "not one inch", "not a single inch", "has an owner", "tiene dueño", "tiene un dueño", "not up for discussion", "not open to discussion", "not up for debate", "no está a debate", "belongs to the", "belong to the", "pertenece a los", "pertenece a las", "reunification", "reunificación", "reunify", "never kneel", "will not kneel", "jamás se arrodillará", "nunca se arrodillará", "no se arrodillará", "never bow", "never give up its land", "would never give up", "will never give up", "will not give up its", "nunca cederá", "jamás cederá", "no renunciará a su territorio", "give up its land", "respect its borders", "respect our borders", "respetar sus fronteras", "respeten sus fronteras", "respeto a sus fronteras", "inviolability of borders", "es inviolable", "son inviolables", "is inviolable", "are inviolable", "borders must not be moved", "nothing to negotiate", "nada que negociar", "no hay nada que negociar", "not something to be traded", "not be traded", "no se canjea", "set its own", "its own drug policy", "own drug policy", "fijar su propia", "su propia política", "decide for themselves", "deciden por sí mismos", "no se rendirá", "will not surrender", "no nos rendiremos", "no nos vamos a rendir", "no se va a rendir", "no nos van a doblegar", "no nos vamos a doblegar", "we will not surrender", "is a free country", "es un país libre", "free country", "free nation", "nación libre", "país libre", "will not hand it over", "no la entregará", "must be solved by", "deben resolverlos", "not abroad", "no en el extranjero", "is our responsibility", "es responsabilidad de", "belongs to", "belong to", "pertenece a", "pertenecen a", "not for sale", "no está en venta",
		"decide their own future", "decide our own future", "decide its own future", "decide their future", "alone to decide",
		"alone decide", "decidir su futuro", "decidir su propio futuro", "decidirán su propio futuro", "decidirán su futuro",
		"masters in our own home", "never be the 51st state", "nunca será parte de", "never be part of", "will never be owned",
		"would never be owned", "mandan los mexicanos", "is ours", "es nuestro", "es nuestra", "is part of the kingdom",
		"never recognize", "nunca reconocerá", "es panameño", "seguirá siendo panameño", "corresponde exclusivamente",
		"not up for negotiation", "not negotiable", "no se negocia", "no es negociable", "non-negotiable", "innegociable",
		"not for negotiation", "no está a discusión", "no está en discusión", "will not surrender its independence",
		"are argentine", "son argentinas", "will never surrender", "la soberanía no se negocia", "defend its sovereignty",
		"defend our sovereignty", "defender la soberanía", "defendió la soberanía", "respeto a la soberanía", "respeto a la autodeterminación",
		"respect for its sovereignty", "respect our sovereignty", "es y seguirá siendo",
		"seguirá siéndolo", "will continue to belong"}},
	{cViolation, 0, []string{"violación", "violaciones", "violation", "violations", "breach", "infringement",
		"infringes", "vulneración", "atropello", "violated", "violating", "violate", "breached", "breaching", "infringed",
		"infringing", "violó", "violaron", "violar", "violando", "vulneró", "vulnerar", "vulneran", "socavó", "socava",
		"undermines", "undermined", "undermining", "pisoteó", "pisotea", "affront to", "an affront to", "afrenta a la", "undermine", "socavar", "attempt to undermine", "intento de socavar", "ataque contra", "violation of", "violación de", "violación del", "violación a", "violates", "viola",
		"breach of", "violate", "vulnera", "afrenta a", "attack on", "ataque a", "amenaza a la"}},
	{cReject, 0, []string{"dismissed", "dismisses", "descartó la idea", "refused", "refuses", "se negó", "se niega", "rebuffed", "turned down", "spurned", "slammed", "criticized", "criticised", "criticó", "censuró", "lambasted", "decried", "deploró", "deplored", "objected", "objetó", "repudiated", "will not submit", "no se someterá", "won't bow", "stand up to", "will not be bullied", "no nos dejaremos", "would be met with", "will be met with", "met with force", "recibirá toda la fuerza", "será respondida", "would be answered", "will be answered", "recibirá", "presentó una protesta", "presentó una protesta formal", "sent a diplomatic note", "answer any", "would answer", "will answer", "responderán a", "responderá a cualquier", "lodged a formal protest", "formal protest", "resisted", "resisting", "ha resistido", "resistido", "give in", "would not give in", "will not give in", "theft", "robo", "robbery", "resist", "resistirá", "resistir", "will resist", "would resist", "resistiremos", "piracy", "piratería", "act of economic war", "will not be bought", "would not be bought", "won't be bought", "no será comprada", "firme oposición", "firmly opposed", "provocation", "provocación", "murder", "asesinato", "illegal", "ilegal", "protestó", "protestaron", "protesta", "not yield", "will not yield", "would not yield", "no cederá", "no se dejará intimidar", "no se dejará", "not be intimidated", "will not be intimidated", "no admitirá", "will not admit", "no admite", "no admitiremos", "stop attacking", "reject", "rejects", "rejected", "rejecting", "rechaza", "rechazó", "rechazamos", "rechazan",
		"rechazar", "rechazaron", "condemn", "condemns", "condemned", "condena", "condenó", "condenamos", "condenaron",
		"denounce", "denounced", "denounces", "denunció", "denuncia", "repudió", "repudia", "repudiamos",
		"protest", "protested", "protesting", "protesta formal", "opposes", "opposed", "oposición",
		"se opone", "warned against", "warn against", "advirtió contra", "will not accept", "would not accept",
		"does not accept", "do not accept", "never accept", "will never accept", "would never accept", "no aceptará",
		"no aceptaremos", "no acepta", "no aceptamos", "nunca aceptará", "will not allow", "would not allow", "never allow",
		"would never allow", "will never allow", "no permitirá", "no permitiremos", "no permite", "will not permit",
		"would not permit", "will not tolerate", "would not tolerate", "no tolerará", "no toleraremos", "unacceptable",
		"inaceptable", "inaceptables", "injerencista", "we do not want", "no queremos", "no necesita", "does not need",
		"not lend its territory", "will not bow", "accused", "acusó", "never recognize", "nunca reconocerá", "no se doblegará", "null and void", "nulo y sin efecto",
		"nula y sin efecto", "nulas y sin efecto", "illegitimate", "ilegítimo", "ilegítima", "ilegítimos", "ilegítimas", "threat to the region", "amenaza para la paz", "amenaza directa", "frenar la agresión",
		"will respond to", "responderá a", "responderá si", "can't annex", "cannot annex",
		"no foreign power",
		"ninguna potencia extranjera", "not going to happen", "no va a ocurrir", "no va a pasar", "no habrá",
		"there will be no", "will be no", "a threat to", "calificó de injerencista", "not be a colony", "no es colonia",
		"no somos colonia", "jamás será colonia", "nunca será colonia", "will not be subordinated", "no aceptará órdenes",
		"no renunciará", "would not be a colony", "not be owned", "called the deployment", "calificó de amenaza", "no es necesario", "not necessary", "sin subordinación", "without subordination"}},
	{cInterv, 0, []string{"tutelage", "tutela externa", "external tutelage", "meddle", "meddles", "intrusion", "intrusión", "encroachment", "trample", "pisotear", "imposition", "imposición", "blackmail", "chantaje", "extortion", "extorsión", "bullying", "intimidation", "intimidación", "unfriendly act", "acto inamistoso", "covert war", "guerra encubierta", "war in", "battlefield", "campo de batalla", "junior partner", "socio menor", "vassal", "vasallo", "protectorate", "protectorado", "cederá", "fund pro-independence groups", "financiar a grupos", "coerce", "coaccionar", "coercion", "coerción", "pro-independence groups", "grupos independentistas", "bombers", "bombarderos", "flight of", "vuelo de", "destabilising", "destabilizing", "destabilise", "desestabilizar", "share control", "compartir el control", "compartirá el control", "joint control", "control conjunto", "foreign control", "control extranjero", "bombardeos", "seize", "seizure", "confiscation", "confiscar", "incautar", "confiscate", "pressured", "presionar", "presiones de", "use of force", "uso de la fuerza", "military adventure", "aventura militar", "adventure", "aventura", "absorbed", "absorbidos", "absorbida", "absorption", "economic war", "guerra económica", "act of war", "war against", "guerra contra", "regime change", "cambio de régimen", "embargo", "intromisión en", "venta de armas", "arms sales", "foreign soldiers", "soldados extranjeros", "militares extranjeros", "foreign military personnel", "interference", "interfere", "interfering", "injerencia", "injerencias", "intromisión",
		"meddling", "interventionism", "intervencionismo", "invasion", "invasión", "invade", "invading", "invadir",
		"aggression", "agresión", "agresiones", "military aggression", "agresión militar", "annexation", "anexión",
		"annex", "anexar", "foreign troops", "tropas extranjeras", "fuerzas extranjeras", "foreign forces",
		"foreign agents", "agentes extranjeros", "agentes estadounidenses", "us agents", "military presence", "presencia militar",
		"presencia de tropas", "presencia de militares", "military base", "base militar", "blockade", "bloqueo",
		"naval blockade", "strike", "strikes", "bombardeo", "bombing", "raid", "incursion", "incursión", "drone strikes",
		"military operation", "operación militar", "operaciones militares", "armed foreign operation", "operaciones de fuerzas extranjeras",
		"deployment", "despliegue", "despliegue militar",
		"build-up", "military build-up", "escalation", "escalada", "warships", "buques de guerra", "naval deployment",
		"influence operations", "operaciones de influencia", "subordination", "subordinación", "sometimiento", "submission", "subjugation", "colony", "colonia",
		"empire", "imperio", "imperialist", "imperialista", "backyard", "patio trasero", "órdenes de", "orders from",
		"sobrevuelo", "unauthorized flight", "surveillance aircraft", "attack", "ataque", "ataques", "drones militares",
		"military action", "acción militar", "intervención militar", "military intervention", "foreign intervention",
		"intervención extranjera", "military escalation", "pretensión extranjera", "foreign power", "potencia extranjera",
		"foreign military", "militares estadounidenses", "us troops", "us military", "threats", "amenazas", "threat",
		"amenaza", "outside tutelage", "tutela", "pressure from", "pressure", "presiones", "operate on its soil",
		"operen en el país", "operar en territorio", "tropas estadounidenses", "us forces", "cede",
		"ceder", "arms sale", "sanctions", "sanciones", "agresión militar de",
		"external interference", "injerencia externa", "nato sends troops", "envía tropas",
		"european troops", "tropas europeas", "taken", "occupied territories", "territorios ocupados", "occupied", "occupation",
		"ocupación", "occupier", "occupiers", "ocupante", "ocupantes", "invader", "invaders", "invasor", "invasores",
		"harassment", "acoso", "hostigamiento"}},
	{cIntervWeak, 0, []string{"operations", "operaciones", "operación", "operation", "intervention", "intervención", "intervene", "intervenir", "intervenga", "intervened"}},
	{cClaim, 0, []string{"plan", "plans", "plan estadounidense", "decision", "decisión", "medida", "medidas", "measures", "remarks", "comments", "declaraciones", "dichos", "claims", "claim", "proposal", "propuesta",
		"pretensión", "pretensiones", "statements", "resolución", "resolution", "bill", "proyecto de ley", "deal",
		"acuerdo", "designation", "order", "orders", "órdenes", "reclamación", "reclamaciones", "reivindicación",
		"reivindicaciones", "territorial claim", "territorial claims", "reclamo territorial"}},
	{cRejectPhrase | cSovAssert, 0, []string{"to no one else", "to nobody else", "a nadie más", "and no one else", "y a nadie más", "not want to be part of", "no quieren ser parte de", "did not want to be part of", "do not want to be part of", "never cede an inch", "nunca cederá ni un centímetro", "jamás cederá ni un centímetro", "anyone's property", "nobody's property", "propiedad de nadie", "not ownership", "no ser su propiedad", "not be a colony", "no es colonia", "jamás será colonia", "nunca será colonia",
		"would not be a colony", "not a colony", "no somos colonia", "colony of anyone", "colonia de nadie"}},
	{cReject, rTarget, []string{"legitimate targets", "objetivos legítimos", "objetivo legítimo", "legitimate target",
		"legitimate military target", "legitimate military targets", "blanco legítimo", "blancos legítimos",
		"objetivo militar legítimo", "objetivos militares legítimos", "blanco militar legítimo", "blancos militares legítimos"}},
	{cRejectPhrase | cViolation, 0, []string{"violation of international law", "violación del derecho internacional",
		"violación al derecho internacional", "violation of international law and"}},
	{cRejectPhrase, 0, []string{"our answer is no", "the answer is no", "nuestra respuesta es no", "la respuesta es no", "has to be authorised by", "has to be authorized by", "must be authorised by", "must be authorized by", "tiene que ser autorizada por", "debe ser autorizada por", "tiene que ser autorizado por", "hands off", "keep his hands off", "keep your hands off", "saque las manos", "manos fuera", "fuera las manos", "would not be pressured", "will not be pressured", "won't be pressured", "no se dejará presionar", "no se dejarán presionar", "no se puede anexar", "cannot annex", "can't annex", "no one can annex", "nobody can annex", "no country can annex", "no nation can annex", "will not be subordinated", "cooperation yes, subordination no", "cooperación sí, subordinación no",
		"cooperation, yes; subordination, no", "not a colony", "no somos colonia", "no es colonia de nadie",
		"violation of international law", "violación del derecho internacional",
		"violación al derecho internacional", "extrajudicial execution", "ejecución extrajudicial", "will not bow to the empire",
		"sin subordinación", "colony of anyone", "colonia de nadie", "cannot annex another country",
		"you cannot annex", "treated as legitimate targets",
		"objetivos legítimos", "ninguna potencia extranjera le dictará"}},
	{cThreat, 0, []string{"likes it or not", "like it or not", "le guste o no", "quiera o no", "whether they like it or not", "de una forma u otra", "de una manera u otra", "por las buenas o por las malas", "all options are on the table", "all options were on the table", "all options remain on the table", "all options remain open", "all options are open",
		"todas las opciones siguen abiertas", "todas las opciones están abiertas", "prepare for possible action", "prepararse para una posible acción",
		"all options on the table", "options on the table", "todas las opciones están sobre la mesa", "todas las opciones siguen sobre la mesa",
		"sobre la mesa", "no descarta ninguna opción", "not ruling anything out", "have to do something", "hacer algo",
		"one way or the other", "one way or another", "de una manera u otra", "take control", "tomar el control", "tomará el control", "take it back",
		"take back", "51st state", "estado 51", "estado número 51", "more control over", "tener el control", "get greenland", "needs greenland", "need greenland", "necesita groenlandia",
		"necesitamos groenlandia", "military options", "opciones militares", "authorizing military force", "authorize military force",
		"authorizing the use of force", "autorizaría el uso de la fuerza", "uso de la fuerza militar", "use of military force",
		"economic force", "fuerza económica", "hit them very hard", "going to hit", "narco-terrorist groups", "reserved the right to act",
		"treat them that way", "o estados unidos lo hará",
		"lo hará", "amenazó con", "threatened to", "threatened further", "threatens to", "is weighing military options",
		"weighing military options", "considering strikes", "not hesitate to", "would not hesitate", "will not hesitate",
		"won't hesitate", "no dudará en", "no dudaría en", "no dudaremos en", "no vacilará en", "right to respond",
		"derecho a responder", "derecho de responder", "time and place of its choosing", "time and place of our choosing",
		"momento y lugar que elija",
		// detect8: open options in any tense, moves announced in the first
		// or third person future.
		"nothing is off the table", "nothing was off the table", "nothing is ruled out", "nothing was ruled out",
		"nothing has been ruled out", "no option is off the table", "no option has been ruled out",
		"nada está descartado", "nada se descarta", "no se descarta nada", "ninguna opción está descartada",
		"no descartamos ninguna", "no descartó ninguna", "no descarta ninguna",
		"tomaremos cartas en el asunto", "tomará cartas en el asunto", "tomaría cartas en el asunto",
		"tomaríamos cartas en el asunto", "tomarán cartas en el asunto", "vamos a tomar cartas en el asunto",
		"not rule out force", "not ruling out force", "won't rule out force", "will not rule out force",
		"would not rule out force", "refused to rule out force", "declined to rule out force", "did not rule out force",
		"no descarta la fuerza", "no descartó la fuerza", "no descartamos la fuerza", "no descarta el uso de la fuerza",
		"no descartó el uso de la fuerza", "no se puede descartar nada", "nothing can be ruled out",
		"can't rule anything out", "cannot rule anything out", "no podemos descartar nada"}},
	{cThreatVerb, 0, []string{"ready to act", "listo para actuar", "prepared to act", "dispuesto a actuar", "necessary means", "all necessary means", "todos los medios necesarios", "all means at its disposal",
		"all the means at its disposal", "all means at our disposal", "every means at our disposal", "every means at its disposal", "every means at their disposal", "by every means", "todos los medios a nuestra disposición", "por todos los medios a su alcance", "todos los medios a su alcance",
		"todos los medios a su disposición", "todos los medios a nuestro alcance", "kinetic", "kinetic options", "opciones cinéticas", "punish", "castigar", "retaliate", "represalias", "pay a heavy price", "pagará caro", "pagará un alto precio", "will not be safe anywhere", "not be safe anywhere", "no estarán a salvo", "wherever they are", "donde estén", "ir a donde estén", "go in", "clean out", "go in and clean out", "entrar y limpiar", "all options", "todas las opciones", "including military ones", "incluidas las militares", "military ones", "seize", "tomar el canal", "take the canal", "apoderarse", "ground operations", "operaciones terrestres", "ground offensive", "ofensiva terrestre", "take out", "eliminará", "eliminate", "eliminar", "pay a visit", "hará una visita", "no choice", "no tiene opción", "no tendrá opción", "has no choice", "go after", "going after", "irán tras", "ir tras", "hunt down", "on land, at sea", "por tierra, mar y aire", "lo recuperará", "la recuperará", "recuperaremos", "lo recuperaremos", "take it back", "better watch out", "más le vale", "watch out", "por su cuenta", "on its own", "close down", "crush", "aplastar", "take all necessary measures", "all necessary measures", "todas las medidas necesarias", "tomará todas las medidas necesarias", "use force", "usar la fuerza", "usará la fuerza", "using force", "use the military", "using the military", "usar el ejército", "usar a los militares", "use of force against", "force against", "whatever it takes", "do whatever it takes", "lo que sea necesario", "lo que haga falta", "what it has to do",
		"what we have to do", "what needs to be done", "lo que tenga que hacer", "lo que tengamos que hacer", "lo que sea preciso", "cueste lo que cueste", "take care of", "take care of it", "do it ourselves", "lo haremos nosotros", "do it itself", "do it themselves",
		"hacerlo por sí mismo", "hacerlo por sí misma", "hacerlo nosotros mismos", "finish the job", "terminar el trabajo",
		"terminará el trabajo", "terminaremos el trabajo", "acabar el trabajo", "have to have it", "tenemos que tenerla", "we'll get it", "will get it", "la conseguirá", "la conseguiremos", "launch operations", "lanzar operaciones", "operations against", "operaciones contra", "could be sent", "troops could be sent", "podrían ser enviadas", "podrían ser enviados", "strike", "strikes", "atacar", "atacará", "hit", "bombardear", "bomb", "invade", "invadir",
		"annex", "anexar", "use of force", "uso de la fuerza", "military force", "fuerza militar", "military action",
		"acción militar", "intervención militar", "military intervention", "act against", "actuar contra", "ataques en tierra",
		"strikes on land", "land strikes", "sending us forces", "enviar fuerzas", "intervene", "intervenir",
		// detect8: acting alone, coming for them, war readiness, force of
		// arms, whatever is necessary, an imposed blockade, refusing to stand
		// aside: they need a target.
		"por nuestra cuenta", "act on our own", "act on its own", "act alone", "act unilaterally", "actuar unilateralmente",
		"actuará unilateralmente", "actuaremos unilateralmente", "actuaremos solos", "actuará solo",
		"iremos por ellos", "iremos a por ellos", "irá por ellos", "irán por ellos", "vamos a ir por ellos", "vamos por ellos",
		"come for them", "coming for them", "come after them", "coming after them",
		"ready for war", "prepared for war", "ready for open war", "ready for an open war", "prepared for an open war",
		"ready for all-out war", "preparado para una guerra", "preparada para una guerra", "preparados para una guerra",
		"preparado para la guerra", "preparados para la guerra", "listo para la guerra", "listos para la guerra",
		"by force of arms", "por la fuerza de las armas", "by military means", "through military means",
		"por medios militares", "por la vía militar", "whatever is necessary", "whatever is needed",
		"todo lo que sea necesario", "todo lo necesario", "tomar cartas en el asunto",
		"will impose a blockade", "would impose a blockade", "impose a naval blockade", "ordered a blockade",
		"ordered a naval blockade", "ordered a total blockade", "impondrá un bloqueo", "impondría un bloqueo",
		"ordenó un bloqueo", "ordenó el bloqueo", "impose a naval quarantine", "will impose a quarantine",
		"would impose a quarantine", "impondrá una cuarentena", "wherever it is", "wherever they may be",
		"dondequiera que estén", "dondequiera que esté", "donde quiera que estén",
		"respond militarily", "responderá militarmente", "responder militarmente", "respondería militarmente",
		"military response", "respuesta militar", "respond with force", "respond forcefully", "responder con contundencia",
		"responder con la fuerza", "responderá con la fuerza", "responder con todo", "responderá con todo",
		"take matters into our own hands", "take matters into its own hands", "take matters into their own hands",
		"tomar el asunto en nuestras manos", "tomar el asunto en sus manos", "come suddenly one night",
		"one night suddenly", "una noche, de repente", "de repente una noche", "do it alone", "lo haremos solos",
		"lo hará solo", "hacerlo solos", "wherever necessary", "wherever needed", "whenever and wherever necessary",
		"as deep as needed", "as far as needed", "as far as necessary", "donde haga falta", "donde sea necesario",
		"wherever they hide", "donde se escondan", "dondequiera que se escondan", "push into",
		"by force if", "por la fuerza si", "by other means", "por otros medios", "open the passage by force",
		"open the way by force", "lo vamos a recuperar", "la vamos a recuperar", "vamos a recuperarlo",
		"vamos a recuperarla", "recuperarlo", "recuperarla", "unilateral action",
		"acción unilateral", "acciones unilaterales",
		"medidas técnico-militares", "medidas técnico militares", "military-technical measures",
		"military technical measures", "respuesta técnico-militar", "military-technical response",
		"ready for any task", "ready for any eventuality", "lista para cualquier eventualidad",
		"listo para cualquier eventualidad",
		"take all measures", "tomar todas las medidas", "tomará todas las medidas", "tomaremos todas las medidas",
		"crushing defeat", "derrota aplastante", "will regret it", "would regret it", "se arrepentirá", "se arrepentirán", "pay dearly", "cease to exist", "dejar de existir", "wipe off the map", "wiped off the map",
		"borrar del mapa", "borrada del mapa", "borrado del mapa", "remain on the map", "land is next",
		"land will be next", "la tierra es lo siguiente", "lo siguiente será por tierra",
		"hacerlo por tierra", "hacerlo también por tierra",
		"will not stand idly by", "won't stand idly by", "would not stand idly by", "will not sit idly by",
		"won't sit idly by", "would not sit idly by", "will not stand by and watch", "will not just stand by",
		"no nos quedaremos de brazos cruzados", "no se quedará de brazos cruzados", "no se quedarán de brazos cruzados",
		"no vamos a quedarnos de brazos cruzados", "no va a quedarse de brazos cruzados", "no permaneceremos de brazos cruzados",
		"no permaneceremos impasibles", "no permanecerá impasible",
		// detect9: patience announced to run out ("Israel will not wait
		// forever for the Lebanese army to disarm Hezbollah").
		"will not wait forever", "won't wait forever", "would not wait forever", "cannot wait forever",
		"can't wait forever", "will not wait indefinitely", "won't wait indefinitely", "will not wait much longer",
		"no esperará eternamente", "no esperará para siempre", "no esperaremos eternamente", "no esperaremos para siempre",
		"no va a esperar eternamente", "no vamos a esperar eternamente", "no puede esperar eternamente",
		"no esperará indefinidamente", "no esperaremos indefinidamente"}},
	// detect8: acting, said of the speaker's side, threatens only under a
	// condition ("Si el régimen de La Habana sigue albergando espías
	// chinos, actuaremos"); it still needs a target.
	{cThreatVerb, rCondOnly, []string{"we will act", "we'll act", "we would act", "will act again", "actuaremos",
		"volverá a actuar", "volveremos a actuar", "actuaríamos"}},
	// detect8: forces announced ready threaten unless the sentence speaks
	// of help or civil aid ("stands ready to help Jamaica after the
	// hurricane"); they need a target.
	{cThreatVerb, rReady, []string{"military stands ready", "military is ready", "army is ready", "army stands ready",
		"armed forces stand ready", "armed forces are ready", "ejército está listo", "ejército está preparado",
		"fuerza armada está lista", "fuerzas armadas están listas", "fuerzas armadas están preparadas"}},
	{cNotRuleOut, rPassive, []string{"no está descartada", "no está descartado", "no están descartadas", "no están descartados",
		"no se descarta", "no se descartan", "not excluded", "is not ruled out", "was not ruled out", "not been ruled out",
		"not off the table", "isn't off the table", "no ha sido descartada", "no ha sido descartado"}},
	{cNotRuleOut, 0, []string{"not rule out", "did not rule out", "refused to rule out", "would not rule out", "won't rule out",
		"declined to rule out", "will not rule out", "won't be ruling out", "is not ruling out", "are not ruling out",
		"not ruling out", "will not exclude", "won't exclude", "no descartará", "no descartaría", "no descartaremos",
		"no vamos a descartar", "declines to rule out", "declining to rule out", "se negó a descartar", "no quiso descartar",
		"no descartó", "no descarta", "no descartamos", "no ha descartado", "not ruled out", "did not exclude",
		"would not exclude", "not excluding", "no excluyó", "no excluye", "no excluimos", "no ha excluido"}},
	{cNeg, 0, []string{"not decided", "had not decided", "no ha decidido", "undecided", "has not decided", "no interest in", "no tiene interés", "not interested in", "no le interesa", "had no interest in", "denied", "denies", "deny", "negó", "niega", "negaron", "desmintió", "desmiente", "desmintieron", "desmienten",
		"dismissed a report", "dismissing a report", "dismissed reports", "dismissing reports", "dismissed a newspaper report",
		"dismissing a newspaper report", "no tiene previsto", "no tienen previsto", "no prevé", "no contempla", "ruled out", "rules out", "rule out",
		"descartó", "descarta", "descartaron", "no plans to", "no plan to", "no tiene planes", "no tiene planes de", "no intention",
		"no intention of", "no tiene intención", "would not send", "will not send", "no enviará", "not send",
		"had no intention", "ningún plan de", "ningún plan para", "ninguna intención de"}},
	{cOffer, 0, []string{"donará", "aportará", "facilitará", "will donate", "would donate", "lend", "willing to lend", "prestar", "prestará", "entregar", "train", "entrenar", "entrenará", "donate", "donar", "transfer", "transferir", "contribute", "aportar", "ready to contribute", "dispuesta a aportar", "dispuesto a aportar", "supply", "supplies", "will supply", "would supply", "suministrar", "suministrará", "suministrará a", "desplegará", "prepared to help", "ready to help", "listo para ayudar", "dispuesto a ayudar", "está listo para ayudar", "offer", "offered", "offers", "offering", "ofreció", "ofrece", "ofrecer", "ofrecemos",
		"ready to send", "prepared to send", "willing to send", "ready to provide", "stood ready to provide", "stands ready to",
		"ready to put", "prepared to deploy", "dispuesto a enviar", "dispuesta a enviar", "listo para enviar", "lista para enviar",
		"lista para", "dispuesto a", "dispuesta a", "will send", "would send", "send", "sending", "enviará", "enviar",
		"enviaremos", "provide", "proporcionará", "proporcionar", "prestar", "entregará", "deliver", "deploy", "desplegar",
		"station", "propuso", "proposed", "will deploy", "would deploy", "to help", "para ayudar", "para apoyar",
		"to support", "increase its military presence", "share its experience"}},
	{cAid, 0, []string{"coast guard crews", "coast guard personnel", "tripulaciones de guardacostas", "interceptor craft",
		"patrol boats", "lanchas patrulleras", "armoured vehicles", "armored vehicles", "vehículos blindados", "blindados", "munición", "military aid package", "paquete de ayuda militar", "battalions", "batallones", "battalion", "batallón", "brigades", "brigadas", "howitzers", "obuses", "artillery", "artillería", "ammunition", "cazas", "fighter jets", "efectivos", "personal militar", "typhoon", "typhoons", "systems", "sistemas", "patriot", "patriot systems", "sistemas patriot", "missiles", "misiles", "munitions", "municiones", "tanks", "tanques", "field hospitals", "hospitales de campaña", "army engineers", "ingenieros del ejército", "patrol vessels", "buques patrulla", "radar", "radares", "radar equipment", "vessels", "buques", "coast guard vessels", "instructors", "military instructors", "frigates", "fragatas", "defensa antiaérea", "sistemas de defensa", "air defense systems", "formación militar", "formación", "armed forces", "fuerzas armadas", "police and military support", "marines", "warplanes", "aviones de combate", "us troops", "tropas estadounidenses", "american troops", "troops", "tropas", "soldiers", "soldados", "militares", "military trainers", "trainers", "training",
		"instructores", "formadores", "advisers", "advisors", "asesores militares", "military advisers", "equipment", "equipo",
		"material militar", "weapons", "armas", "air defence", "air defense", "air defence systems", "defensa aérea",
		"helicopters", "helicópteros", "patrol boats", "lanchas patrulleras", "drones", "aircraft", "aviones",
		"jets", "personnel", "special forces", "fuerzas especiales", "brigade", "brigada", "military assistance",
		"asistencia militar", "military aid", "ayuda militar", "security assistance", "apoyo militar", "military support",
		"engineers", "military engineers", "ingenieros", "bomberos militares", "reassurance force", "fuerza de garantía",
		"fuerza militar conjunta", "joint military force", "british troops", "troops on the ground", "apoyo del ejército",
		"military aircraft", "forces"}},
	{cRequest, 0, []string{"thanked", "agradeció", "praised", "elogió", "thanked the", "asked", "asked for", "pidió", "solicitó", "requested", "would welcome", "welcome", "welcomed",
		"asked allies"}},
	{cCond, 0, []string{"if", "si", "en caso de que", "unless", "a menos que", "salvo que", "should it"}},
	{cForeign | cForeignMod, 0, []string{"foreign", "extranjera", "extranjero", "extranjeras", "extranjeros", "external", "externa", "outside",
		"third countries", "terceros países", "third-country", "de terceros"}},
	{cForeignMod, 0, []string{"unilaterales", "unilateral", "armadas", "armed", "military", "militar",
		"any", "cualquier", "ninguna", "armed", "armada", "u.s", "estadounidense", "external", "externa", "unilateral",
		"outside"}},
	// A copula with a word of bluntness introduces what follows: "la
	// presidenta fue tajante: ...", "the minister was blunt".
	{cSpeech, 0, []string{"fue tajante", "fue contundente", "fue enfático", "fue enfática", "fue clara", "fue claro",
		"se mostró tajante", "se mostró contundente", "was blunt", "was adamant", "was emphatic", "was unequivocal"}},
	{cSpeech, 0, []string{"answered", "remató", "sentenció", "juró", "swore", "zanjó", "recalcó", "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "insisted", "insists",
		"stressed", "noted", "wrote", "stated", "declared", "according to", "replied", "responded", "announced", "confirmed",
		"vowed", "argued", "urged", "explained", "posted", "afirmó", "afirma", "declaró", "declara", "aseguró", "asegura",
		"señaló", "señala", "advirtió", "advierte", "subrayó", "reiteró", "reitera", "sostuvo", "sostiene", "calificó",
		"dijo", "dice", "añadió", "agregó", "indicó", "expresó", "manifestó", "respondió", "anunció", "informó", "explicó",
		"insistió", "enfatizó", "destacó", "escribió", "según", "told reporters", "told a news conference", "told parliament",
		"recalled", "spoke", "habló", "afirmaron", "aseguraron", "dijeron", "exigió", "demanded", "called", "calling", "acusó", "accused",
		"defendió", "propuso", "expresó su", "sent a diplomatic note", "envió una nota diplomática", "presentó una protesta",
		"thanked", "replied that"}},
	{cStance, 0, []string{"threatened", "amenazó", "insisted", "pidió", "summoned", "convocó", "convoca"}},
	{cTitle, rPresident, []string{"president", "presidente", "presidenta", "presidente de la república"}},
	{cTitle, rHead | rPresident | rPrime, []string{"mandatario", "mandataria", "leader", "líder", "jefe de estado",
		"junta leader", "junta chief", "líder de la junta", "jefe de la junta", "líder de la junta militar", "jefe de la junta militar",
		"head of state", "head of government", "jefe de gobierno"}},
	{cTitle, rHead | rPresident | rPrime | rVice, []string{"dirigente", "la dirigente", "el dirigente"}},
	{cTitle, rHead | rPrime, []string{"prime minister", "primer ministro", "primera ministra", "premier", "chancellor",
		"presidente del gobierno", "former premier", "canciller federal"}},
	{cTitle, rForeign, []string{"foreign minister", "canciller", "secretary of state", "secretario de estado",
		"ministro de exteriores", "ministra de exteriores", "ministro de relaciones exteriores", "ministra de relaciones exteriores",
		"ministro de asuntos exteriores", "ministra de asuntos exteriores", "top diplomat", "foreign secretary", "jefe de la diplomacia",
		"minister of foreign affairs", "ministro de exteriores chino"}},
	{cTitle, rDefence, []string{"pentagon chief", "head of the pentagon", "defense secretary", "defence secretary", "secretary of defense", "secretary of war",
		"war secretary", "defense minister", "defence minister", "ministro de defensa", "ministra de defensa",
		"secretario de defensa", "secretario de guerra", "jefe del pentágono", "secretario de la defensa nacional"}},
	{cTitle, rSecurity, []string{"security secretary", "secretary of security", "secretario de seguridad", "security minister",
		"ministro de seguridad", "homeland security secretary"}},
	{cTitle, rMinister | rForeign | rDefence | rSecurity, []string{"minister", "ministro", "ministra", "secretary",
		"secretario", "secretaria", "ministro de hacienda", "finance minister"}},
	{cTitle, rSpokes, []string{"kremlin spokesman", "portavoz del kremlin", "foreign ministry spokesman", "foreign ministry spokeswoman", "spokesman", "spokeswoman", "spokesperson", "vocero", "vocera", "portavoz", "press secretary"}},
	// An aide speaks for the head of state or government who employs him.
	{cTitle, rSpokes, []string{"presidential aide", "presidential adviser", "presidential advisor", "aide", "asesor presidencial",
		"asesora presidencial"}},
	{cTitle, rLegis, []string{"senator", "sen", "senador", "senadora", "congressman", "congresswoman", "lawmaker",
		"legislador", "legisladora", "diputado", "diputada", "rep", "representative"}},
	{cTitle, rVice, []string{"vice president", "vice-president", "vicepresidente", "vicepresidenta"}},
	// The Treasury as an office of state (sanctions, statements) is not
	// the Treasury of market news: these phrases consume the suppressor.
	{cTitle, rMinister, []string{"treasury secretary", "secretary of the treasury", "secretario del tesoro",
		"secretaria del tesoro"}},
	// Deputies speak for their ministry but are not the minister a later
	// "the minister" means.
	{cTitle, rVice, []string{"deputy minister", "deputy foreign minister", "deputy defence minister", "deputy defense minister",
		"vice minister", "vice foreign minister", "viceministro", "viceministra", "viceministro de defensa",
		"viceministra de defensa", "viceministro de exteriores", "viceministra de exteriores", "viceministro de relaciones exteriores",
		"viceministra de relaciones exteriores", "vicecanciller"}},
	{cTitle, rMonarch | rHead, []string{"supreme leader", "líder supremo"}},
	{cTitle, rDiplomat, []string{"ambassador", "embajador", "embajadora", "envoy", "enviado"}},
	{cTitle, rMonarch, []string{"king", "rey", "queen", "reina"}},
	{cBody, 0, []string{"junta", "military junta", "junta militar", "transitional government", "gobierno de transición",
		"external affairs ministry", "ministry of external affairs", "state department", "departamento de estado",
		"secretaría de relaciones exteriores", "information ministry", "ministry of information", "interior ministry",
		"ministerio del interior", "presidential palace", "palacio presidencial", "national security council",
		"consejo de seguridad nacional", "foreign affairs department", "department of foreign affairs", "government", "gobierno", "foreign ministry", "ministry of foreign affairs", "foreign affairs ministry",
		"ministerio de relaciones exteriores", "ministerio de exteriores", "ministerio de asuntos exteriores", "cancillería",
		"foreign office", "defence ministry", "defense ministry", "ministry of defence", "ministerio de defensa", "embassy",
		"embajada", "army", "ejército", "armed forces", "fuerzas armadas", "fuerza armada", "defence force", "defense force",
		"defence forces", "defense forces", "fuerza de defensa", "fuerzas de defensa", "treasury department",
		"department of the treasury", "departamento del tesoro", "congress", "congreso", "senate",
		"house of representatives", "cámara de representantes", "office", "oficina",
		"senado", "parliament", "parlamento", "administration", "presidency", "presidencia",
		"ministry", "ministerio", "authorities", "autoridades", "officials",
		// detect9: legislatures speak like congress and senate.
		"asamblea nacional", "national assembly", "asamblea legislativa", "legislative assembly",
		"cámara de diputados", "chamber of deputies"}},
	{cPronoun, rFemale, []string{"she", "ella"}},
	{cPronoun, rMale, []string{"he"}}, // not "él": it folds to the article "el"
	{cPronoun, 0, []string{"the official", "el funcionario", "la funcionaria"}},
	{cPronoun, rNeuter, []string{"it", "they"}},
	{cNonState, 0, []string{"excanciller", "expresidente", "expresidenta", "exministro", "exministra", "exembajador",
		"exembajadora", "exfuncionario", "exfuncionarios", "exfuncionaria", "politólogo", "politólogos", "politóloga", "political scientist", "political scientists",
		"commentator", "commentators", "comentarista", "comentaristas", "observers", "observadores", "pundits", "academics",
		"academic", "sociologist", "sociólogo", "pollsters", "encuestadores", "poll", "polls", "encuesta", "encuestas", "sondeo", "sondeos", "surveys", "survey", "editorial",
		"critics", "críticos", "activists", "activistas", "investigador", "investigadora", "researcher", "supporters", "simpatizantes", "historian", "historiador", "historiadores", "historians", "columnists", "columnistas", "analyst", "analysts", "analista", "analistas", "expert", "experts", "experto", "expertos",
		"especialistas", "scholars", "académicos", "economists", "economistas", "strategist", "estratega", "investors",
		"inversionistas", "traders", "operadores", "think tank", "centro de estudios", "professor", "profesor", "report",
		"informe", "study", "estudio", "op-ed", "columna", "former cia analyst", "exfuncionario", "former diplomat",
		"the report", "some scholars", "scientists", "científicos", "doctors", "médicos", "organizadores", "organizers",
		"markets", "mercados", "el periodista", "la periodista", "the journalist", "columnist", "columnista"}},
	{cSuppress, 0, []string{
		// finance
		"central bank", "banco central", "bank of japan", "banco de japón", "bank of mexico", "banco de méxico",
		"banco de la república", "federal reserve", "reserva federal", "national bank", "currency", "currency market",
		"mercado cambiario", "foreign exchange", "divisas", "intervención cambiaria", "bond market", "yen", "franc",
		"treasury", "tesoro", "peso's", "exchange rate", "tipo de cambio", "energy market", "mercado energético",
		"electricity market", "mercado eléctrico", "gas prices", "precios del gas", "oil market", "mercado petrolero",
		"property market", "housing market", "mercado inmobiliario", "mercado de la vivienda", "stock market",
		"capital injection", "inyección de capital", "bailout", "rescate financiero", "a loan of", "un préstamo de",
		"steelworks", "acería", "smelters", "fundiciones",
		// medicine
		"surgical", "quirúrgica", "surgeon", "cirujano", "patient", "paciente", "hospital", "hospitals", "early intervention",
		"intervención temprana", "intervención precoz", "autism", "autismo", "sepsis", "therapy", "terapia",
		// sport
		"referee", "árbitro", "var", "penalty", "penalti", "penal", "striker", "gold cup", "nations league", "clásico",
		"real madrid", "barcelona bench", "goal", "gol",
		// culture and history
		"museum", "museo", "exhibition", "exposición", "film", "película", "novel", "novela", "documentary", "documental",
		"memoir", "memorias", "opera", "ópera", "premiered", "estrenada", "booker prize", "cantante", "disco", "the tate",
		"libro", "book", "in her memoir",
		// domestic procedure
		"intervención telefónica", "wiretap", "drenaje", "cárcel", "cárceles", "prison", "prisons", "penitenciaría",
		"penitenciarías", "centros penitenciarios",
		// labour and trade disputes
		"wages", "salarios", "pay rise", "alza salarial", "trade union", "labour union", "labor union", "sindicato",
		"huelga", "dockworkers", "estibadores", "counter-tariffs", "retaliatory tariffs", "aranceles de represalia",
		"contraaranceles"}},
	// "office" is a body ("Ilham Aliyev's office"), not in these.
	// "After that, he said, Pakistan will take care of the hideouts": a
	// fronted "after that" dates the act, it reports nobody else's.
	{cBlock, 0, []string{"after that", "after this", "after which", "tras eso", "tras esto", "después de eso", "después de esto"}},
	{cBlock, 0, []string{"oval office", "took office", "taking office", "take office", "in office", "left office",
		"box office", "office building", "office buildings"}},
	{cBlock, 0, []string{"soberanía de la nube", "cloud sovereignty", "cloud-sovereignty", "sovereign cloud", "nube soberana", "soberano de", "soberana de", "sovereign of", "sovereign since", "sovereign bond", "sovereign bonds", "sovereign bond spreads", "bonos soberanos", "bono soberano",
		"sovereign debt", "deuda soberana", "sovereign wealth", "sovereign wealth fund", "fondo soberano", "sovereign credit",
		"sovereign credit rating", "sovereign rating", "calificación soberana", "riesgo soberano", "sovereign spread",
		"sovereign downgrade", "sovereign yields", "as sovereign", "como soberano", "como soberana", "absolute sovereign", "soberana de", "soberanos de", "the sovereign", "el soberano",
		"former sovereign", "antigua soberana", "calidad de soberano", "data sovereignty", "soberanía de datos",
		"soberanía de los datos", "digital sovereignty", "soberanía digital", "soberanía tecnológica", "technological sovereignty",
		"soberanía alimentaria", "food sovereignty", "soberanía energética", "energy sovereignty", "industrial sovereignty",
		"soberanía industrial", "health sovereignty", "soberanía sanitaria", "pharmaceutical sovereignty",
		"soberanía farmacéutica", "monetary sovereignty", "soberanía monetaria", "fiscal sovereignty", "soberanía fiscal", "judicial independence",
		"independencia judicial", "independence of the judiciary", "independencia del poder judicial",
		"independencia de los jueces", "independence of the courts", "independence day",
		"día de la independencia", "war of independence", "guerra de independencia", "independent investigation",
		"independence of the colonies", "independencia de las colonias", "self-government act", "intervention of the",
		"intervention at the", "intervención del diputado", "intervención de la diputada", "intervención del árbitro",
		"intervención del var", "intervención urgente", "second intervention", "segunda intervención", "invasive species",
		"data will stay", "libertad personal", "historia", "history of",
		// routine military activity, reported or so described, is no aggression
		"maniobras rutinarias", "ejercicios rutinarios", "patrullas rutinarias", "routine drills", "routine exercises",
		"routine patrols", "routine manoeuvres", "routine maneuvers",
		// a message or signal is sent, not a force
		"send a message", "sends a message", "sent a message", "sending a message", "send a signal", "sends a signal",
		"sending signals", "send signals", "sending wrong signals", "sending the wrong signals", "enviar un mensaje",
		"envía un mensaje", "envió un mensaje", "enviar una señal", "enviar señales", "envía señales"}},
	{cPrep, 0, []string{"under", "bajo", "of", "de", "del", "to", "with", "con", "contra", "against", "a", "by", "por", "from", "about",
		"sobre", "for", "para", "on", "al", "into", "over", "at"}},
	{cHedge, 0, []string{"could", "may", "might", "podría", "podrían", "possibly", "posiblemente", "eventual", "considering"}},
	{cArticle, 0, []string{"the", "el", "la", "los", "las", "his", "her", "its", "su", "an", "un", "una"}},
	{cPermit, 0, []string{"dispuesto a recibir", "dispuesta a recibir", "dispuestos a recibir", "willing to host", "ready to host",
		"willing to receive", "dispuesto a acoger", "dispuesta a acoger", "allow", "permit", "accept", "permitir", "aceptar", "autorizar", "authorize", "tolerate", "tolerar"}},
	{cWarn, 0, []string{"warned", "warns", "advirtió", "advierte", "cautioned"}},
	{cSubord, 0, []string{"after", "tras", "following", "después de", "después de que", "when", "cuando"}},
	{cViolation | cInterv, 0, []string{"attack on", "ataque a", "ataque contra", "attacks on", "ataques contra",
		"aggression against", "agresión a", "agresión contra", "agresiones contra", "assault on", "assault against",
		"atentado contra", "atentados contra", "atentado a", "affront to", "afrenta a", "afrenta contra"}},
	{cForeign | cInterv, 0, []string{"foreign power", "potencia extranjera", "foreign troops", "tropas extranjeras",
		"foreign forces", "fuerzas extranjeras", "foreign agents", "agentes extranjeros", "foreign military", "foreign powers",
		"potencias extranjeras"}},
	{cCall | cSpeech, 0, []string{"por considerarlas", "por considerarla", "por considerarlo", "considering it", "considered it", "los calificó de", "las calificó de", "calificó de", "calificó como", "la calificó de", "lo calificó de", "called it", "described as",
		"tildó de", "branded", "calling it", "called"}},
	{cTerritory, 0, []string{"return to", "retorno a", "regreso a", "territory", "territorio", "parte del territorio de"}},
	{cNegator, 0, []string{"neither", "nor", "ni", "no way", "de ninguna manera", "in no way", "under no circumstances", "bajo ninguna circunstancia", "never, ever", "nunca jamás", "no", "not", "never", "nunca", "jamás", "ningún", "ninguna", "ninguno", "nobody", "nadie",
		"none", "won't", "will not", "no one"}},
	{cDecide, 0, []string{"made in", "decided in", "se decide en", "se hace en", "se decidirá en", "decide", "decides", "decided", "deciding", "deciden", "decidimos", "decidirán", "decidir",
		"decida", "decidan", "decidirá"}},
	{cBelong, 0, []string{"es de los", "es de las", "son de los", "is for the", "concerns only", "only concerns",
		"solo concierne a los", "concierne solo a los", "solo concierne a las", "concierne solo a las",
		"is a matter for the", "es asunto de los", "es asunto exclusivo de los", "corresponde a los"}},
	{cDispatch, 0, []string{"will deploy", "would deploy", "desplegará", "supply", "will supply", "would supply", "suministrará", "would send", "will send", "could send", "enviará", "enviaría", "send", "sending", "sent", "enviar", "enviaría", "enviará", "enviaremos", "deploy", "deploying",
		"desplegar", "desplegaría", "mandar", "mandaría", "put"}},
	{cMilNoun, 0, []string{"base", "bases", "military bases", "bases militares", "armed groups", "grupos armados", "armed group", "grupo armado", "militias", "milicias", "soldier", "soldado", "military", "the military", "los militares", "militares", "troops", "tropas", "army", "ejército",
		"forces", "fuerzas", "soldiers", "soldados", "marines", "navy", "special forces", "fuerzas especiales", "boots on the ground"}},
	{cThreatMark, 0, []string{"into", "destroy", "acabar con", "eliminate", "take out", "wipe out", "if necessary",
		"si es necesario", "si fuera necesario", "if he had to", "if we have to", "if need be", "por la fuerza", "by force",
		"to fight the cartels inside", "against"}},
	{cHelp, 0, []string{"help", "ayudar", "support", "apoyar", "apoyo", "assist", "asistir", "if asked", "si lo pide",
		"si lo solicita", "at the request", "a petición", "if invited", "to help", "para ayudar", "para apoyar", "offered",
		"ofreció", "ofrece", "contribute", "contribuir", "mission", "misión", "peacekeeping"}},
	{cOtherState, 0, []string{"country", "país", "nation", "nación", "government", "gobierno", "power", "potencia"}},
	{cDictate, 0, []string{"dicte", "dictate its", "le dicte", "coerce", "coaccionar", "coercion", "coerción", "order", "orders", "órdenes", "order around", "dictate", "dictar", "dictará", "impose", "imponer",
		"tell", "decir", "dirá", "darle órdenes", "give orders", "dar órdenes"}},
	{cForeignMod, 0, []string{"any attempt at", "cualquier intento de", "any attempt to", "cualquier intento"}},
	{cDenySov, 0, []string{"attempt at", "intento de", "any attempt at", "cualquier intento de", "separatist", "separatista",
		"secession", "secesión", "taiwan independence forces",
		// detect9: a sovereignty under dispute is named, not asserted
		// ("en un área sujeta a disputa de soberanía").
		"disputa de", "disputa por", "disputa sobre", "dispute over"}},
	// detect9: what runs contrary to a sovereignty violates it ("la
	// calificó de inadmisible y contraria a la soberanía nacional").
	{cViolation, 0, []string{"contraria a", "contrario a", "contrarias a", "contrarios a", "contrary to"}},
	{cEval, 0, []string{"act of piracy", "acto de piratería", "reckless", "temerario", "temeraria", "hostile", "hostil", "collective punishment", "castigo colectivo", "provocation", "provocación", "affront", "afrenta", "act of war", "acto de guerra", "economic war",
		"guerra económica", "hostile act", "acto hostil", "reckless provocation", "provocación temeraria"}},
	{cStop, 0, []string{"stop", "dejar de", "cease", "cese", "halt", "detener", "stop talking about"}},
	{cModal, 0, []string{"would", "will", "could", "can", "may", "might", "to", "'ll", "va a", "podría", "podrá", "puede",
		"should", "must", "ought to", "has to", "have to", "had to", "debería", "deberían", "debe", "deben", "tendrá que",
		"tendría que", "tiene que", "van a", "iría a", "prepared to", "ready to", "dispuesto a", "listo para",
		"se convertirán en", "se convertirían en", "se convertirá en", "se convertiría en", "considerará", "considerarán",
		"consideraría", "serán considerados", "serán consideradas", "será considerado", "será considerada",
		"sería considerado", "sería considerada", "serían considerados", "serían consideradas", "serán", "serían"}},
	{cNegotiate, 0, []string{"discuss", "discutirá", "discutir", "discutiremos", "negotiate", "negotiate away", "negociará", "negociar", "negociaremos", "bargain", "trade away"}},
	{cCivil, 0, []string{"storm", "tormenta", "food", "alimentos", "medicine", "medicines", "medicinas", "medicamentos", "fires", "wildfires", "forest fires", "incendios", "incendios forestales", "firefighting",
		"hidrantes", "humanitarian", "humanitaria", "hurricane", "huracán", "floods", "inundaciones", "earthquake",
		"terremoto", "firefighters", "bomberos", "typhoon victims", "tifón", "cyclone", "ciclón", "medical team", "medical teams",
		"equipo médico", "equipos médicos", "brigada médica", "tents", "carpas", "tiendas de campaña", "water purifiers",
		"potabilizadoras", "rescue teams", "equipos de rescate"}},
	{cAcquire, 0, []string{"take", "take over", "tomar", "quedarse con", "get", "conseguir", "buy", "comprar", "own",
		"take control of", "tomar el control de", "apoderarse de"}},
	{cDefend, 0, []string{"defend", "defend itself", "defenderá", "se defenderá", "defenderse", "defendernos", "protect",
		"proteger", "will defend", "would defend"}},
	{cCopula, 0, []string{"was", "era", "fue", "is", "are", "es", "son", "será", "seguirá siendo", "remains", "will remain", "sigue siendo",
		"were", "fueron", "eran", "serán", "seguirán siendo", "siguen siendo", "remain", "will stay", "would remain", "will always be",
		"always will be", "has always been", "will be", "would stay", "stays", "ha sido", "han sido", "sera siempre", "siempre será",
		"should be", "must be", "debería ser", "debe ser", "tiene que ser",
		"es y será", "son y serán", "es y ha sido siempre", "son y han sido siempre", "es y fue siempre", "is and will remain",
		"is and will always be", "is and has always been", "are and will remain", "are and have always been",
		"is and always will be", "es y siempre será", "lo será siempre", "lo seguirá siendo", "will always be so"}},
	{cPeaceful, 0, []string{"por la vía diplomática", "vía diplomática", "through diplomacy", "diplomatically",
		"peacefully", "pacíficamente", "por medios pacíficos", "by peaceful means", "through dialogue", "mediante el diálogo"}},
	{cAgainst, 0, []string{"against", "contra", "ante", "frente a", "in the face of"}},
	{cBreak, 0, []string{"but", "pero", "aunque", "although", "however", "while", "mientras", "sino", "yet", "though"}},
}

// topicWords put a sentence on a type's topic for the scorer (model.go)
// without firing any rule: the scorer may add a type only where some word of
// its topic is present, and these are the nouns of statements the rules have
// no class for ("Mexico's destiny is in Mexican hands", "Taiwan is China's
// internal affair", "every inch of our sea", "respond militarily").
var topicWords = [4][]string{
	iAssert: {"future", "futuro", "destiny", "destino", "fate", "choose", "elige", "eligen", "elegir", "elegirá",
		"internal affair", "internal affairs", "internal matter", "asunto interno", "asuntos internos", "heritage", "patrimonio", "red line", "línea roja",
		"inch", "square inch", "centímetro", "metro", "palmo", "indivisible", "inherent", "inalienable", "undeniable",
		"indiscutible", "reclamo", "reclaim", "claim", "reivindicación", "reivindica", "reafirmó", "reaffirmed",
		"51st state", "estado 51", "estado número 51"},
	iReject: {"accusations", "acusaciones", "lectures", "lecciones", "dictates"},
	iThreat: {"force", "fuerza", "by force", "por la fuerza", "militarily", "militarmente", "act", "actuar", "actuaremos",
		"actuará", "respond", "responder", "responderá", "countermeasures", "contramedidas", "means", "medios"},
}

// titleCountry gives the country of titles that name their institution.
var titleCountry = map[string]string{"pentagon chief": "US", "head of the pentagon": "US", "jefe del pentagono": "US",
	"kremlin spokesman": "RU", "portavoz del kremlin": "RU"}

// stems catch inflections the lists above would need dozens of entries for.
// They apply to single words that matched nothing longer.
var stems = []struct {
	stem string
	c    cat
}{
	{"interven", cIntervWeak}, {"injeren", cInterv}, {"interfer", cInterv}, {"invasi", cInterv},
	{"agresi", cInterv}, {"aggressi", cInterv}, {"anexi", cInterv}, {"rechaz", cReject}, {"conden", cReject},
	{"repudi", cReject}, {"soberan", cSov}, {"sovereign", cSov}, {"ofrec", cOffer}, {"amenaz", cClaim},
	{"bombardea", cThreatVerb},
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = []string{"sen", "gen", "dr", "mr", "mrs", "ms", "st", "jr", "sr", "sra", "srta", "lt", "col",
	"gov", "rep", "adm", "prof", "vs", "no", "ee", "ee.uu", "u.s", "u.k", "u.n", "e.u", "p.m", "a.m", "inc", "corp",
	"co", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ene", "dic", "lic", "ing", "gral",
	"sgt", "capt", "cmdr", "mt", "ft", "d.c", "u.s.a", "etc", "approx", "dept", "fig", "uu", "a", "b", "c", "d", "e",
	"f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "v", "w", "x", "y", "z"}

// sentenceStarters are words that, after an abbreviation that can also end a
// sentence ("U.S."), show that a new sentence began.
var sentenceStarters = []string{"the", "he", "she", "it", "they", "we", "i", "but", "in", "on", "a", "an", "this",
	"that", "el", "la", "los", "las", "en", "pero", "este", "esta", "ese", "esa", "his", "her", "mexico", "trump",
	"sheinbaum", "asked", "según", "dijo", "said", "however", "sin", "no"}

// sovereignAdj are the adjective forms of sovereignty. As an adjective it is
// a state's only when it qualifies a polity, a decision or a right ("a
// sovereign nation", "decisión soberana") or is predicated ("Greenland is
// sovereign", "somos soberanos"); "sovereign AI", "sovereign sukuk" and
// "inteligencia artificial soberana" are products and debts.
var sovereignAdj = setOf("sovereign", "soberano", "soberana", "soberanos", "soberanas")

// polityNouns are what a sovereign adjective qualifies when it speaks of a
// state (folded: accents stripped).
var polityNouns = setOf("state", "states", "nation", "nations", "country", "countries", "people", "peoples",
	"republic", "territory", "territories", "land", "lands", "soil", "decision", "decisions", "right", "rights",
	"will", "choice", "choices", "equality", "power", "powers", "authority", "control", "jurisdiction", "waters",
	"airspace", "act", "matter", "government", "independence", "homeland", "and", "or",
	"estado", "estados", "nacion", "naciones", "pais", "paises", "pueblo", "pueblos", "republica", "territorio",
	"territorios", "tierra", "tierras", "suelo", "decision", "decisiones", "derecho", "derechos", "voluntad",
	"igualdad", "poder", "autoridad", "jurisdiccion", "aguas", "espacio", "acto", "patria", "gobierno",
	"independencia", "y", "e", "o")

// predicators put a sovereign adjective after a verb: "is sovereign",
// "seguirá siendo soberana".
var predicators = setOf("is", "are", "was", "were", "be", "remain", "remains", "remained", "become", "becomes",
	"es", "son", "somos", "era", "fue", "sera", "seran", "seremos", "ser", "siendo", "sigue", "seguira", "sea", "sean")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// nameStops are capitalised words that open a sentence without being a
// name: "On Tuesday, the minister said".
var nameStops = setOf("on", "in", "at", "after", "before", "during", "since", "for", "from", "by", "with", "the", "a", "an",
	"en", "el", "la", "los", "las", "un", "una", "tras", "desde", "durante", "con", "por", "para", "de", "del", "al",
	"and", "but", "y", "pero", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes",
	"martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "january", "february", "march", "april", "may",
	"june", "july", "august", "september", "october", "november", "december", "enero", "febrero", "marzo", "abril",
	"mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "earlier", "later", "today",
	"yesterday", "ayer", "hoy", "this", "last", "next", "este", "esta", "asked", "speaking", "según", "segun", "according")

// statementNouns are the documents a body speaks through.
var statementNouns = setOf("statement", "communique", "comunicado", "nota", "declaracion", "release", "note")

// authorPrep link a statement to its author.
var authorPrep = setOf("de", "del", "from", "of", "by")

// determiners open the noun phrase of a statement.
var determiners = setOf("el", "la", "un", "una", "the", "a", "an", "su", "its", "their")
