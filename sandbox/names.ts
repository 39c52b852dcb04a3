/**
 * Name pools for generated people, by culture. Entries use a small notation to stay readable:
 * `Name` or `Name|slug` (the slug is the ASCII form used in e-mail addresses; Latin names derive it),
 * and for cultures whose surnames change with gender, `Masculine/Feminine` (each may carry a slug).
 * First names listed in `femaleFirst` take the feminine surname.
 */

export interface Place {
  city: string;
  state: string | null;
  country: string;
  continent: string;
}

export interface Culture {
  key: string;
  /** Relative share of generated people. */
  weight: number;
  /** Latin-script names may be mixed across cultures (José Müller exists); other scripts may not. */
  latin: boolean;
  first: readonly string[];
  femaleFirst?: readonly string[];
  last: readonly string[];
  /** Top-level domains of this culture's personal and work addresses. */
  tld: string;
  places: readonly Place[];
}

const EU = 'Europe';
const NA = 'North America';
const SA = 'South America';
const AS = 'Asia';
const AF = 'Africa';

// prettier-ignore
export const CULTURES: readonly Culture[] = [
  {
    key: 'english',
    weight: 16,
    latin: true,
    tld: 'com',
    first: [
      'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
      'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
      'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley',
      'Emily', 'Olivia', 'Ethan', 'Hannah', 'Noah', 'Grace', 'Liam', 'Chloe', 'Benjamin', 'Abigail',
      'Mary Kate', 'Zoe', 'Margaret', 'Samuel', 'Rachel', 'Nathan', 'Megan', 'Oliver', 'Charlotte', 'Harry',
    ],
    last: [
      'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
      'Moore', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young',
      'Allen', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell',
      'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', "O'Brien",
      'Fitzgerald', 'McAllister', 'Hughes', 'Price', 'Bennett', 'Wood', 'Barnes', 'Ross', 'Henderson',
    ],
    places: [
      { city: 'New York', state: 'New York', country: 'United States', continent: NA },
      { city: 'San Francisco', state: 'California', country: 'United States', continent: NA },
      { city: 'London', state: null, country: 'United Kingdom', continent: EU },
      { city: 'Boston', state: 'Massachusetts', country: 'United States', continent: NA },
      { city: 'Toronto', state: 'Ontario', country: 'Canada', continent: NA },
    ],
  },
  {
    key: 'spanish',
    weight: 9,
    latin: true,
    tld: 'es',
    first: [
      'José', 'María', 'Juan', 'Carmen', 'Antonio', 'Lucía', 'Manuel', 'Sofía', 'Francisco', 'Elena',
      'Javier', 'Paula', 'Alejandro', 'Marta', 'Sergio', 'Raquel', 'Andrés', 'Inés', 'Jesús', 'Pilar',
      'Ángel', 'Begoña', 'Íñigo', 'Nuria', 'Álvaro', 'Ana María', 'Juan Pablo', 'Ramón', 'Rocío', 'Carlos',
      'Valentina', 'Diego', 'Camila', 'Mateo', 'Ximena', 'Santiago',
    ],
    last: [
      'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez',
      'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro',
      'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Castillo',
      'Ortega', 'Núñez', 'Ibáñez', 'Peña', 'Álvarez', 'Castellanos', 'de la Fuente',
    ],
    places: [
      { city: 'Madrid', state: null, country: 'Spain', continent: EU },
      { city: 'Barcelona', state: 'Catalonia', country: 'Spain', continent: EU },
      { city: 'Ciudad de México', state: null, country: 'Mexico', continent: NA },
      { city: 'Bogotá', state: null, country: 'Colombia', continent: SA },
    ],
  },
  {
    key: 'portuguese',
    weight: 6,
    latin: true,
    tld: 'com.br',
    first: [
      'João', 'Ana', 'Pedro', 'Mariana', 'Lucas', 'Beatriz', 'Gabriel', 'Larissa', 'Thiago', 'Fernanda',
      'Rafael', 'Gonçalo', 'Bruno', 'Letícia', 'Caio', 'Júlia', 'Vinícius', 'Luíza', 'Márcio', 'Conceição',
      'Felipe', 'Renata', 'Rodrigo', 'Tatiana',
    ],
    last: [
      'Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Carvalho', 'Almeida', 'Ferreira', 'Ribeiro',
      'Gonçalves', 'Lima', 'Araújo', 'Barbosa', 'Rocha', 'Monteiro', 'Magalhães', 'Assunção', 'Simões',
      'Brandão', 'Cardoso', 'Teixeira', 'Correia',
    ],
    places: [
      { city: 'São Paulo', state: 'São Paulo', country: 'Brazil', continent: SA },
      { city: 'Rio de Janeiro', state: 'Rio de Janeiro', country: 'Brazil', continent: SA },
      { city: 'Lisboa', state: null, country: 'Portugal', continent: EU },
    ],
  },
  {
    key: 'french',
    weight: 7,
    latin: true,
    tld: 'fr',
    first: [
      'Jean', 'Marie', 'Pierre', 'Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Théo', 'Manon', 'Émile',
      'Zoé', 'Hélène', 'Jérôme', 'François', 'Gaëlle', 'Noël', 'Anaïs', 'Benoît', 'Céline', 'Jean-Luc',
      'Marie-Claire', 'Adèle', 'Clément', 'Mathilde', 'Aurélien', 'Éloïse',
    ],
    last: [
      'Bernard', 'Dubois', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
      'Lefèvre', 'Michel', 'Fontaine', 'Chevalier', 'Rousseau', 'Girard', 'Bonnet', 'Dupont', 'Lambert',
      'Faure', 'Mercier', 'Boucher', 'Bélanger', 'Gauthier', 'Lévesque', 'Côté', 'Lemaître',
    ],
    places: [
      { city: 'Paris', state: 'Île-de-France', country: 'France', continent: EU },
      { city: 'Lyon', state: 'Auvergne-Rhône-Alpes', country: 'France', continent: EU },
      { city: 'Montréal', state: 'Québec', country: 'Canada', continent: NA },
    ],
  },
  {
    key: 'german',
    weight: 7,
    latin: true,
    tld: 'de',
    first: [
      'Lukas', 'Anna', 'Jürgen', 'Lena', 'Maximilian', 'Sophie', 'Felix', 'Jonas', 'Katharina', 'Leon',
      'Johanna', 'Björn', 'Jörg', 'Günter', 'Käthe', 'Uwe', 'Sabine', 'Matthias', 'Ulrike', 'Tobias',
      'Franziska', 'Moritz', 'Annika', 'Dörte', 'Heike',
    ],
    last: [
      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
      'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz',
      'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Weiß', 'Köhler', 'Groß', 'Vogel',
      'Jäger', 'Strauß',
    ],
    places: [
      { city: 'Berlin', state: 'Berlin', country: 'Germany', continent: EU },
      { city: 'München', state: 'Bayern', country: 'Germany', continent: EU },
      { city: 'Zürich', state: 'Zürich', country: 'Switzerland', continent: EU },
      { city: 'Wien', state: null, country: 'Austria', continent: EU },
    ],
  },
  {
    key: 'nordic',
    weight: 4,
    latin: true,
    tld: 'se',
    first: [
      'Søren', 'Ingrid', 'Lars', 'Astrid', 'Erik', 'Sigrid', 'Bjørn', 'Freya', 'Magnus', 'Liv', 'Henrik',
      'Maja', 'Øystein', 'Åsa', 'Nils', 'Sølvi', 'Mikkel', 'Karin', 'Anders', 'Elin', 'Ragnhild', 'Torbjörn',
    ],
    last: [
      'Ødegård', 'Hansen', 'Johansson', 'Andersson', 'Nielsen', 'Larsen', 'Karlsson', 'Jensen', 'Pedersen',
      'Lindqvist', 'Lindgren', 'Berg', 'Haugen', 'Bakken', 'Sørensen', 'Kristiansen', 'Åberg', 'Nyström',
      'Holm', 'Dahl', 'Solberg', 'Strøm', 'Lund', 'Ekström',
    ],
    places: [
      { city: 'Stockholm', state: null, country: 'Sweden', continent: EU },
      { city: 'Oslo', state: null, country: 'Norway', continent: EU },
      { city: 'København', state: null, country: 'Denmark', continent: EU },
      { city: 'Malmö', state: 'Skåne', country: 'Sweden', continent: EU },
    ],
  },
  {
    key: 'dutch',
    weight: 3,
    latin: true,
    tld: 'nl',
    first: [
      'Daan', 'Sanne', 'Bram', 'Femke', 'Jeroen', 'Lotte', 'Sem', 'Zoë', 'Thijs', 'Anouk', 'Joost', 'Eline',
      'Ruben', 'Fleur', 'Maarten', 'Noortje', 'Sjoerd', 'Ilse',
    ],
    last: [
      'de Vries', 'van den Berg', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
      'de Groot', 'Bos', 'Vos', 'Hendriks', 'van Dijk', 'Dekker', 'van der Meer', 'Kuipers', "van 't Hof",
    ],
    places: [
      { city: 'Amsterdam', state: 'Noord-Holland', country: 'Netherlands', continent: EU },
      { city: 'Rotterdam', state: 'Zuid-Holland', country: 'Netherlands', continent: EU },
    ],
  },
  {
    key: 'polish',
    weight: 4,
    latin: true,
    tld: 'pl',
    first: ['Łukasz', 'Piotr', 'Krzysztof', 'Paweł', 'Tomasz', 'Wojciech', 'Michał', 'Jiří', 'Grzegorz', 'Bartłomiej', 'Marek', 'Jakub'],
    femaleFirst: ['Agnieszka', 'Małgorzata', 'Katarzyna', 'Zofia', 'Magdalena', 'Joanna', 'Dorota', 'Tereza', 'Ewa', 'Jadwiga', 'Alicja'],
    last: [
      'Nowak', 'Kowalski/Kowalska', 'Wiśniewski/Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamiński/Kamińska',
      'Lewandowski/Lewandowska', 'Zieliński/Zielińska', 'Szymański/Szymańska', 'Woźniak', 'Dąbrowski/Dąbrowska',
      'Kozłowski/Kozłowska', 'Jankowski/Jankowska', 'Mazur', 'Krawczyk', 'Dvořák/Dvořáková', 'Novotný/Novotná',
      'Černý/Černá', 'Procházka/Procházková', 'Svoboda/Svobodová', 'Wróbel', 'Pawlak',
    ],
    places: [
      { city: 'Warszawa', state: 'Mazowieckie', country: 'Poland', continent: EU },
      { city: 'Kraków', state: 'Małopolskie', country: 'Poland', continent: EU },
      { city: 'Praha', state: null, country: 'Czechia', continent: EU },
    ],
  },
  {
    key: 'italian',
    weight: 5,
    latin: true,
    tld: 'it',
    first: [
      'Giulia', 'Marco', 'Francesca', 'Alessandro', 'Chiara', 'Matteo', 'Sara', 'Lorenzo', 'Martina', 'Andrea',
      'Elisa', 'Niccolò', 'Federica', 'Davide', 'Giorgia', 'Raffaele', 'Ilaria', 'Gianluca',
    ],
    last: [
      'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
      'Gallo', 'Conti', 'De Luca', 'Mancini', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', "D'Angelo", 'Barbieri',
    ],
    places: [
      { city: 'Milano', state: 'Lombardia', country: 'Italy', continent: EU },
      { city: 'Roma', state: 'Lazio', country: 'Italy', continent: EU },
    ],
  },
  {
    key: 'turkish',
    weight: 3,
    latin: true,
    tld: 'com.tr',
    first: [
      'Mehmet', 'Ayşe', 'Mustafa', 'Fatma', 'Ahmet', 'Emine', 'Ali', 'Zeynep', 'Hüseyin', 'Elif', 'İbrahim',
      'Özge', 'Çağla', 'Burak', 'Gökhan', 'Şule',
    ],
    last: [
      'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir',
      'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Koç',
    ],
    places: [
      { city: 'İstanbul', state: null, country: 'Türkiye', continent: AS },
      { city: 'Ankara', state: null, country: 'Türkiye', continent: AS },
    ],
  },
  {
    key: 'indian',
    weight: 9,
    latin: true,
    tld: 'in',
    first: [
      'Priya', 'Rahul', 'Ananya', 'Arjun', 'Kavya', 'Vikram', 'Deepika', 'Rohan', 'Aditi', 'Sanjay', 'Neha',
      'Karthik', 'Lakshmi', 'Aarav', 'Meera', 'Siddharth', 'Divya', 'Ravi', 'Pooja', 'Anil', 'Shreya', 'Varun',
    ],
    last: [
      'Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Mehta', 'Shah', 'Joshi',
      'Natarajan', 'Krishnan', 'Banerjee', 'Chatterjee', 'Desai', 'Menon', 'Pillai', 'Venkataraman',
      'Agarwal', 'Kapoor',
    ],
    places: [
      { city: 'Bengaluru', state: 'Karnataka', country: 'India', continent: AS },
      { city: 'Mumbai', state: 'Maharashtra', country: 'India', continent: AS },
      { city: 'New Delhi', state: 'Delhi', country: 'India', continent: AS },
    ],
  },
  {
    key: 'african',
    weight: 6,
    latin: true,
    tld: 'com.ng',
    first: [
      'Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Kwame', 'Ama', 'Kofi', 'Abena', 'Emeka', 'Chiamaka', 'Tunde',
      'Folake', 'Wanjiru', 'Thabo', 'Nomvula', 'Yaw', 'Efua', 'Amara', 'Kelechi', 'Zanele',
    ],
    last: [
      'Okafor', 'Okonkwo', 'Adeyemi', 'Mensah', 'Boateng', 'Nwosu', 'Eze', 'Balogun', 'Owusu', 'Asante',
      'Kamau', 'Otieno', 'Mwangi', 'Ndlovu', 'Dlamini', 'Abubakar', 'Adebayo', 'Oyelaran', 'Achebe', 'Nkosi',
    ],
    places: [
      { city: 'Lagos', state: 'Lagos', country: 'Nigeria', continent: AF },
      { city: 'Nairobi', state: null, country: 'Kenya', continent: AF },
      { city: 'Accra', state: null, country: 'Ghana', continent: AF },
      { city: 'Cape Town', state: 'Western Cape', country: 'South Africa', continent: AF },
    ],
  },
  {
    key: 'vietnamese',
    weight: 2,
    latin: true,
    tld: 'vn',
    first: ['Minh', 'Linh', 'Huy', 'Trang', 'Đức', 'Thảo', 'Quang', 'Hương', 'Tuấn', 'Mai', 'Phương', 'Khánh'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'],
    places: [
      { city: 'Hà Nội', state: null, country: 'Vietnam', continent: AS },
      { city: 'Thành phố Hồ Chí Minh', state: null, country: 'Vietnam', continent: AS },
    ],
  },
  {
    key: 'east-asian-latin',
    weight: 6,
    latin: true,
    tld: 'com',
    first: [
      'Wei', 'Jing', 'Hao', 'Mei', 'Yuki', 'Haruto', 'Sakura', 'Takeshi', 'Min-jun', 'Seo-yeon', 'Ji-ho',
      'Hyun-woo', 'Xiaoling', 'Kenji', 'Aiko', 'Jun', 'Yan', 'Hiroshi',
    ],
    last: [
      'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Tanaka', 'Suzuki', 'Sato',
      'Takahashi', 'Watanabe', 'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Lim',
    ],
    places: [
      { city: 'Singapore', state: null, country: 'Singapore', continent: AS },
      { city: 'Seoul', state: null, country: 'South Korea', continent: AS },
      { city: 'Shanghai', state: null, country: 'China', continent: AS },
      { city: 'Tokyo', state: null, country: 'Japan', continent: AS },
    ],
  },
  {
    key: 'arabic-latin',
    weight: 4,
    latin: true,
    tld: 'ae',
    first: [
      'Omar', 'Layla', 'Youssef', 'Fatima', 'Khalid', 'Amira', 'Hassan', 'Nour', 'Karim', 'Yasmin', 'Tariq',
      'Salma', 'Rania', 'Ziad', 'Hana', 'Samir',
    ],
    last: [
      'Haddad', 'Khoury', 'Mansour', 'Nasser', 'Saleh', 'Hamdan', 'Farouk', 'Aziz', 'Rahman', 'El-Amin',
      'Al-Sayed', 'Qureshi', 'Benali', 'Bouazizi', 'Abdullah', 'Hakimi',
    ],
    places: [
      { city: 'Dubai', state: null, country: 'United Arab Emirates', continent: AS },
      { city: 'Casablanca', state: null, country: 'Morocco', continent: AF },
      { city: 'Beirut', state: null, country: 'Lebanon', continent: AS },
    ],
  },
  {
    key: 'irish',
    weight: 2,
    latin: true,
    tld: 'ie',
    first: ['Siobhán', 'Niamh', 'Seán', 'Aoife', 'Oisín', 'Caoimhe', 'Pádraig', 'Róisín', 'Ciarán', 'Saoirse'],
    last: ['Murphy', 'Kelly', 'Byrne', 'Ryan', "O'Sullivan", 'Walsh', 'McCarthy', 'Doyle', 'Gallagher', 'Ó Dónaill'],
    places: [
      { city: 'Dublin', state: null, country: 'Ireland', continent: EU },
      { city: 'Cork', state: null, country: 'Ireland', continent: EU },
    ],
  },
  // Non-Latin scripts: stored in their own script, as Affinity keeps them. CJK and Korean names are
  // stored with the given name as first_name and the family name as last_name.
  {
    key: 'japanese',
    weight: 1,
    latin: false,
    tld: 'jp',
    first: ['太郎|taro', '花子|hanako', '健太|kenta', '陽菜|hina', '翔|sho', '美咲|misaki', '大輔|daisuke', '結衣|yui', '蓮|ren', '葵|aoi'],
    last: ['山田|yamada', '佐藤|sato', '鈴木|suzuki', '高橋|takahashi', '田中|tanaka', '伊藤|ito', '渡辺|watanabe', '中村|nakamura', '小林|kobayashi', '加藤|kato'],
    places: [{ city: '東京', state: null, country: 'Japan', continent: AS }],
  },
  {
    key: 'chinese',
    weight: 1,
    latin: false,
    tld: 'cn',
    first: ['伟|wei', '芳|fang', '娜|na', '敏|min', '静|jing', '磊|lei', '洋|yang', '艳|yan', '勇|yong', '杰|jie'],
    last: ['王|wang', '李|li', '张|zhang', '刘|liu', '陈|chen', '杨|yang', '黄|huang', '赵|zhao', '吴|wu', '周|zhou'],
    places: [{ city: '北京', state: null, country: 'China', continent: AS }],
  },
  {
    key: 'russian',
    weight: 2,
    latin: false,
    tld: 'ru',
    first: ['Дмитрий|dmitry', 'Сергей|sergey', 'Алексей|alexey', 'Иван|ivan', 'Михаил|mikhail', 'Андрей|andrey', 'Николай|nikolay'],
    femaleFirst: ['Анна|anna', 'Ольга|olga', 'Наталья|natalya', 'Екатерина|ekaterina', 'Татьяна|tatiana', 'Мария|maria'],
    last: [
      'Иванов|ivanov/Иванова|ivanova', 'Смирнов|smirnov/Смирнова|smirnova', 'Кузнецов|kuznetsov/Кузнецова|kuznetsova',
      'Попов|popov/Попова|popova', 'Васильев|vasiliev/Васильева|vasilieva', 'Петров|petrov/Петрова|petrova',
      'Соколов|sokolov/Соколова|sokolova', 'Новиков|novikov/Новикова|novikova', 'Фёдоров|fedorov/Фёдорова|fedorova',
      'Морозов|morozov/Морозова|morozova', 'Волков|volkov/Волкова|volkova',
    ],
    places: [{ city: 'Москва', state: null, country: 'Russia', continent: EU }],
  },
  {
    key: 'arabic',
    weight: 1,
    latin: false,
    tld: 'sa',
    first: ['محمد|mohammed', 'أحمد|ahmed', 'فاطمة|fatima', 'علي|ali', 'مريم|maryam', 'عمر|omar', 'ليلى|layla', 'يوسف|youssef', 'نور|nour', 'خالد|khaled'],
    last: ['العلي|alali', 'الحسن|alhassan', 'المنصور|almansour', 'الخطيب|alkhatib', 'حداد|haddad', 'الشامي|alshami', 'النجار|alnajjar', 'السيد|alsayed'],
    places: [{ city: 'الرياض', state: null, country: 'Saudi Arabia', continent: AS }],
  },
  {
    key: 'greek',
    weight: 1,
    latin: false,
    tld: 'gr',
    first: ['Γιώργος|giorgos', 'Μαρία|maria', 'Νίκος|nikos', 'Ελένη|eleni', 'Δημήτρης|dimitris', 'Κατερίνα|katerina'],
    last: ['Οικονόμου|oikonomou', 'Γεωργίου|georgiou', 'Νικολάου|nikolaou', 'Αντωνίου|antoniou', 'Ιωάννου|ioannou', 'Δημητρίου|dimitriou'],
    places: [{ city: 'Αθήνα', state: null, country: 'Greece', continent: EU }],
  },
  {
    key: 'korean',
    weight: 1,
    latin: false,
    tld: 'kr',
    first: ['민준|minjun', '서연|seoyeon', '지호|jiho', '하은|haeun', '도윤|doyun', '수아|sua'],
    last: ['김|kim', '이|lee', '박|park', '최|choi', '정|jung', '강|kang'],
    places: [{ city: '서울', state: null, country: 'South Korea', continent: AS }],
  },
  {
    key: 'hebrew',
    weight: 1,
    latin: false,
    tld: 'co.il',
    first: ['נועה|noa', 'דוד|david', 'יעל|yael', 'אורי|uri', 'תמר|tamar'],
    last: ['כהן|cohen', 'לוי|levi', 'מזרחי|mizrahi', 'פרץ|peretz', 'אברהם|avraham'],
    places: [{ city: 'תל אביב', state: null, country: 'Israel', continent: AS }],
  },
];

export const PERSONAL_EMAIL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'proton.me',
  'icloud.com',
  'yahoo.com',
  'fastmail.com',
] as const;

export const JOB_TITLES = [
  'Founder & CEO',
  'Co-founder',
  'CFO',
  'CTO',
  'Head of Payments',
  'VP Partnerships',
  'General Partner',
  'Principal',
  'Investment Director',
  'Head of Compliance',
  'Product Lead, Lending',
  'Angel investor',
  'Managing Director',
  'Chief Risk Officer',
] as const;

/** Organization names: an adjective-like word, a noun, and a kind, e.g. "Blue Harbor Payments". */
// prettier-ignore
export const ORG_WORDS_A = [
  'Blue', 'Silver', 'North', 'Bright', 'Iron', 'Cedar', 'Granite', 'Amber', 'Harbor', 'Summit', 'Copper',
  'Golden', 'Quiet', 'Swift', 'Clear', 'Open', 'True', 'First', 'Prime', 'Bold', 'Crimson', 'Evergreen',
  'Polar', 'Lunar', 'Solar', 'Coral', 'Violet', 'Indigo', 'Maple', 'Aspen',
] as const;
// prettier-ignore
export const ORG_WORDS_B = [
  'Ridge', 'River', 'Stone', 'Field', 'Bridge', 'Peak', 'Arc', 'Ledger', 'Vault', 'Anchor', 'Beacon',
  'Harbor', 'Lantern', 'Compass', 'Orbit', 'Kite', 'Falcon', 'Fox', 'Oak', 'Pine', 'Wave', 'Signal',
  'Mint', 'Coin', 'Path', 'Gate', 'Forge', 'Grove', 'Meadow', 'Tide',
] as const;
// prettier-ignore
export const ORG_KINDS = [
  'Payments', 'Capital', 'Labs', 'Bank', 'Analytics', 'Ventures', 'Partners', 'Finance', 'Technologies',
  'Insurance', 'Markets', 'Pay', 'Credit', 'Systems', 'Group', 'Health',
] as const;
export const ORG_TLDS = ['com', 'io', 'co', 'ai', 'fi', 'dev', 'net', 'eu', 'app', 'tech'] as const;
