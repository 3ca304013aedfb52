// The DCAT-AP.de description of a results page's open data (https://www.dcat-ap.de/def/): one
// dcat:Dataset for the page, one dcat:Distribution per download, as JSON-LD. The same object goes
// into the page (<script type="application/ld+json">) and into dcat.jsonld, which a city's
// open-data portal (GovData, a CKAN with the DCAT-AP.de harvester) can harvest.
import { licenceOf } from "../../campaign/licences.js";
import type { CampaignModel, Localized, MapModel, ResultsPageModel } from "../../campaign/model.js";
import { absoluteUrl, pagePath } from "../../campaign/urls.js";
import { message } from "../../i18n/index.js";
import { markdownToText } from "../../pages/markdown.js";
import type { OpenDataFile } from "./files.js";

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  dcatde: "http://dcat-ap.de/def/dcatde/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  locn: "http://www.w3.org/ns/locn#",
  gsp: "http://www.opengis.net/ont/geosparql#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

/** EU file types (dct:format) and IANA media types (dcat:mediaType) of the downloads. */
const FILE_TYPE: Record<OpenDataFile["format"], string> = {
  CSV: "http://publications.europa.eu/resource/authority/file-type/CSV",
  JSON: "http://publications.europa.eu/resource/authority/file-type/JSON",
  GeoJSON: "http://publications.europa.eu/resource/authority/file-type/GEOJSON",
};

/** EU language authority for the languages mitreden speaks; others are left out of dct:language. */
const LANGUAGE: Record<string, string> = { de: "DEU", en: "ENG", tr: "TUR", ar: "ARA", uk: "UKR", ru: "RUS", pl: "POL", fr: "FRA", it: "ITA", es: "SPA" };

/** A text in every language of the campaign, as language-tagged literals. */
function literals(text: Localized, campaign: CampaignModel): { "@value": string; "@language": string }[] {
  return campaign.locales.filter((l) => text[l]).map((l) => ({ "@value": text[l]!, "@language": l }));
}

function perLocale(campaign: CampaignModel, make: (locale: string) => string): Localized {
  return Object.fromEntries(campaign.locales.map((l) => [l, make(l)]));
}

export function dcatDataset(campaign: CampaignModel, page: ResultsPageModel, files: readonly OpenDataFile[]): Record<string, unknown> {
  const licence = licenceOf(page.licence);
  if (!licence) throw new Error(`${campaign.slug}: results page "${page.id}" has licence "${page.licence}", which validation should have refused`);
  const folder = pagePath(campaign, campaign.locale, page.id);
  const pageUrl = absoluteUrl(campaign, folder);
  const organization = campaign.organization;
  const attribution = licence.attribution ? { "dcatde:licenseAttributionByText": literals(organization.name, campaign) } : {};
  const title = perLocale(campaign, (l) => message(l, "openData.dataset.title", { page: page.title[l] ?? page.id, campaign: campaign.title[l] ?? campaign.slug }));
  const description = perLocale(campaign, (l) => [page.intro?.[l], page.did[l], campaign.summary[l]].filter((t): t is string => Boolean(t)).map((t) => markdownToText(t)).join(" "));
  const area = boundingBox(campaign, page);
  return {
    "@context": CONTEXT,
    "@id": `${pageUrl}#daten`,
    "@type": "dcat:Dataset",
    "dct:identifier": `${pageUrl}#daten`,
    "dct:title": literals(title, campaign),
    "dct:description": literals(description, campaign),
    "dcat:landingPage": { "@id": pageUrl },
    "dct:publisher": {
      "@type": "foaf:Organization",
      "foaf:name": literals(organization.name, campaign),
      ...(organization.website ? { "foaf:homepage": { "@id": organization.website } } : {}),
    },
    "dcat:contactPoint": { "@type": "vcard:Organization", "vcard:fn": organization.name[campaign.locale], "vcard:hasEmail": { "@id": `mailto:${organization.contact.email}` } },
    ...(organization.contributorId ? { "dcatde:contributorID": { "@id": organization.contributorId } } : {}),
    "dct:issued": { "@value": page.publishFrom, "@type": "xsd:dateTime" },
    "dct:temporal": {
      "@type": "dct:PeriodOfTime",
      "dcat:startDate": { "@value": campaign.period.start, "@type": "xsd:dateTime" },
      "dcat:endDate": { "@value": campaign.period.end, "@type": "xsd:dateTime" },
    },
    ...(area ? { "dct:spatial": spatial(area) } : {}),
    "dcat:theme": { "@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE" },
    "dct:language": campaign.locales.flatMap((l) => (LANGUAGE[l] ? [{ "@id": `http://publications.europa.eu/resource/authority/language/${LANGUAGE[l]}` }] : [])),
    "dcat:distribution": files.map((file) => {
      const url = absoluteUrl(campaign, folder + file.name);
      return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": file.name,
        ...(file.kind === "dictionary" ? { "dct:description": literals(perLocale(campaign, (l) => message(l, "openData.distribution.dictionary")), campaign) } : {}),
        "dcat:accessURL": { "@id": url },
        "dcat:downloadURL": { "@id": url },
        "dct:format": { "@id": FILE_TYPE[file.format] },
        "dcat:mediaType": { "@id": `https://www.iana.org/assignments/media-types/${file.mediaType}` },
        "dcat:byteSize": { "@value": String(file.body.byteLength), "@type": "xsd:nonNegativeInteger" },
        "dct:license": { "@id": licence.uri },
        ...attribution,
        ...(file.dictionary ? { "foaf:page": { "@id": absoluteUrl(campaign, folder + file.dictionary) } } : {}),
      };
    }),
  };
}

type Box = [west: number, south: number, east: number, north: number];

/** The planning areas of the page's sources (map pages, location questions of surveys), as one box. */
function boundingBox(campaign: CampaignModel, page: ResultsPageModel): Box | undefined {
  const maps: MapModel[] = campaign.pages.flatMap((p) => {
    if (!page.sources.includes(p.id)) return [];
    if (p.type === "map") return [p.map];
    if (p.type === "survey") return p.questions.flatMap((q) => (q.type === "location" ? [q.map] : []));
    return [];
  });
  let box: Box | undefined;
  const add = ([x, y]: number[]) => {
    if (x === undefined || y === undefined) return;
    box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
  };
  for (const map of maps) {
    for (const feature of map.area.features) {
      const rings = feature.geometry.type === "Polygon" ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
      for (const ring of rings) ring.forEach(add);
    }
  }
  return box;
}

/** dct:spatial as DCAT-AP.de recommends: the box as WKT (dcat:bbox) and as GeoJSON (locn:geometry). */
function spatial([w, s, e, n]: Box): Record<string, unknown> {
  const ring = [[w, s], [e, s], [e, n], [w, n], [w, s]];
  return {
    "@type": "dct:Location",
    "dcat:bbox": { "@value": `POLYGON((${ring.map(([x, y]) => `${x} ${y}`).join(", ")}))`, "@type": "gsp:wktLiteral" },
    "locn:geometry": { "@value": JSON.stringify({ type: "Polygon", coordinates: [ring] }), "@type": "gsp:geoJSONLiteral" },
  };
}
