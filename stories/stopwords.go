package stories

import "strings"

// Stop words are stored folded (lower case, no accents), as the tokeniser
// produces them. Besides function words they hold the reporting verbs
// ("said", "told", "dijo", "señaló") because outlets rewriting one wire story
// swap those freely, and a shared fact should not be hidden by which verb of
// saying each desk prefers.
var stopWords = map[string]map[string]struct{}{
	"en": wordSet(`
		about above across after again against ago all almost along already also although am among amid an and
		another any are around as at be because been before being below between both but by can could did do
		does doing done down during each either else even ever every few for from further had has have having
		he her here hers herself him himself his how however if in into is it its itself just last least less
		like made make many may me might more most much must my myself near neither no nor not now of off often
		on once one only onto or other others our ours ourselves out over own per perhaps put rather same
		she should since so some still such than that the their theirs them themselves then there these they
		this those though through thus to too toward towards under until up upon us very via was we were what
		whatever when where whether which while who whom whose why will with within without would yet you your
		yours yourself yourselves mr mrs ms
		said says say saying told tells tell added adding adds according stated noted asked
		reporters reported reports report news wednesday thursday friday saturday sunday monday tuesday
		week today yesterday tomorrow
	`),
	"es": wordSet(`
		a al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aqui asi aun
		aunque cada casi como con contra cual cuales cualquier cuando cuanto de del desde donde dos durante el
		ella ellas ello ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estaban
		estado estamos estan estar estas este esto estos estoy fue fueron fui fuimos ha habia habian han has
		hasta hay he la las le les lo los mas me mediante mi mientras mis mismo misma mismos mismas mucho
		muchos muy nada ni no nos nosotros nuestra nuestro nuestros nuestras o os otra otras otro otros para
		pero poco por porque pues que quien quienes se sea sean segun ser sera seran si sido sin sino sobre
		solo son su sus tal tambien tan tanto te tiene tienen todo toda todos todas tras tu tus un una uno
		unos unas usted ustedes y ya yo
		dijo dice dicen decir afirmo afirma senalo senala agrego agrega anadio indico indica declaro
		aseguro asegura expreso explico sostuvo comento preciso subrayo informo informa
		lunes martes miercoles jueves viernes sabado domingo hoy ayer manana semana
	`),
}

func wordSet(list string) map[string]struct{} {
	set := make(map[string]struct{})
	for _, w := range strings.Fields(list) {
		set[w] = struct{}{}
	}
	return set
}
