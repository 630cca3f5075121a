// The only door to libphonenumber-js. The build bundles this file (with its metadata) into
// dist, so the installed package needs no runtime dependency.
export {
	getCountries,
	parsePhoneNumberFromString,
	type CountryCode,
	type PhoneNumber,
} from 'libphonenumber-js/max';
