/** Real Dutch and Belgian cities (centre coordinates) and street names for demo locations. */
export const CITIES = [
  { city: 'Utrecht', postalCode: '3511', country: 'NLD', lat: 52.0907, lon: 5.1214 },
  { city: 'Amersfoort', postalCode: '3811', country: 'NLD', lat: 52.1561, lon: 5.3878 },
  { city: 'Amsterdam', postalCode: '1012', country: 'NLD', lat: 52.3676, lon: 4.9041 },
  { city: 'Rotterdam', postalCode: '3011', country: 'NLD', lat: 51.9244, lon: 4.4777 },
  { city: 'Den Haag', postalCode: '2511', country: 'NLD', lat: 52.0705, lon: 4.3007 },
  { city: 'Eindhoven', postalCode: '5611', country: 'NLD', lat: 51.4416, lon: 5.4697 },
  { city: 'Groningen', postalCode: '9711', country: 'NLD', lat: 53.2194, lon: 6.5665 },
  { city: 'Zwolle', postalCode: '8011', country: 'NLD', lat: 52.5168, lon: 6.083 },
  { city: 'Nijmegen', postalCode: '6511', country: 'NLD', lat: 51.8126, lon: 5.8372 },
  { city: 'Haarlem', postalCode: '2011', country: 'NLD', lat: 52.3874, lon: 4.6462 },
  { city: 'Leiden', postalCode: '2311', country: 'NLD', lat: 52.1601, lon: 4.497 },
  { city: 'Maastricht', postalCode: '6211', country: 'NLD', lat: 50.8514, lon: 5.691 },
  { city: 'Breda', postalCode: '4811', country: 'NLD', lat: 51.5719, lon: 4.7683 },
  { city: 'Arnhem', postalCode: '6811', country: 'NLD', lat: 51.9851, lon: 5.8987 },
  { city: 'Brussel', postalCode: '1000', country: 'BEL', lat: 50.8503, lon: 4.3517 },
  { city: 'Antwerpen', postalCode: '2000', country: 'BEL', lat: 51.2194, lon: 4.4025 },
  { city: 'Gent', postalCode: '9000', country: 'BEL', lat: 51.0543, lon: 3.7174 },
  { city: 'Leuven', postalCode: '3000', country: 'BEL', lat: 50.8798, lon: 4.7005 },
  { city: 'Brugge', postalCode: '8000', country: 'BEL', lat: 51.2093, lon: 3.2247 },
  { city: 'Mechelen', postalCode: '2800', country: 'BEL', lat: 51.0259, lon: 4.4777 },
] as const;

export const STREETS = [
  'Stationsplein',
  'Parklaan',
  'Kerkstraat',
  'Marktplein',
  'Havenweg',
  'Industrieweg',
  'Dorpsstraat',
  'Molenweg',
  'Schoolstraat',
  'Beatrixlaan',
];

export const SITE_KINDS = [
  { label: 'P+R', parkingType: 'PARKING_LOT' },
  { label: 'Garage', parkingType: 'UNDERGROUND_GARAGE' },
  { label: 'Depot', parkingType: 'PARKING_LOT' },
  { label: 'Straat', parkingType: 'ON_STREET' },
] as const;
