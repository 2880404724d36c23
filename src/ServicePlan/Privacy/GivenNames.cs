namespace ServicePlan.Privacy;

internal enum GivenNameKind
{
    NotAName,

    /// <summary>Almost only ever a name when written with a capital: "Jayden", "Amira", "Kacper".</summary>
    Name,

    /// <summary>Also an ordinary word, month or place ("Will", "May", "Grace", "Amber", "Jordan"), so it needs more evidence.</summary>
    AlsoAWord,
}

/// <summary>
/// Common given names of children (and their parents) across the communities of a London borough over recent decades:
/// the national top names, and names from Black British and Caribbean, West and East African, Somali, Eritrean and
/// Ethiopian, South Asian, Arab, Afghan, Kurdish and Turkish, Polish, Romanian and Baltic, Orthodox Jewish, Irish and
/// Latin American families. A fixed list keeps every flag explainable ("Jayden is a common first name"); it is not
/// meant to be complete, and the other clues (Mr/Mrs, "sibling …", "… aged 9") catch names it lacks.
/// </summary>
internal static class GivenNames
{
    private const string Names = """
        Aaliyah Aanya Aarav Abbie Abby Abdi Abdikadir Abdirahim Abdirahman Abdul Abdulaziz Abdullah Abdulrahman Abebe Abel Abena
        Abigail Abu Abubakar Abubakr Adaeze Adam Adebayo Adeel Adele Adil Aditya Adnan Adrian Adwoa Afsana Agnieszka Ahil Ahmad
        Ahmed Ahmet Aidan Aiden Aimee Aisha Aishah Akash Akosua Alana Albie Aleena Aleesha Alejandro Aleksander Aleksandra Alesha
        Alex Alexander Alexandra Alexandru Alexis Alfie Alfred Ali Alice Alicia Alicja Alina Alisha Aliyah Alyssa Amaan Amanda
        Amani Amara Amarah Ameer Ameera Amelia Amelie Amina Aminah Amir Amira Amit Amna Amrit Amy Ana Anas Anastasia Andre Andrea
        Andreea Andrei Andrew Aneesa Angela Angus Anisa Anita Anjali Anna Annabel Annabelle Anne Annie Ant Anthony Antoni Antonio
        Anya Aoife Arabella Aram Arash Archie Arda Aria Arian Ariana Arjun Arlo Arnav Arran Arthur Aryan Arham Asad Asher Ashley
        Asif Asma Ava Avraham Aya Ayaan Ayan Ayat Ayaz Aydin Ayden Ayesha Ayla Ayman Ayo Ayodele Ayse Ayub Azlan Azra Baran
        Barbara Bartosz Beatrice Beatriz Bella Ben Benjamin Berat Berfin Bethany Beverley Bianca Bilal Bilaal Billie Billy Biniam
        Bisi Bobby Bogdan Bohdan Boruch Bracha Bradley Brandon Brendan Brian Brooke Bryony Caitlin Caleb Callum Camila Cameron
        Carl Carla Carlos Caroline Carly Catherine Cerys Chaim Chana Chantelle Charlene Charles Charley Charlie Charlotte Chaya
        Chelsey Chiamaka Chidi Chinedu Chioma Chloe Chris Christine Christopher Chukwuemeka Ciara Cian Ciaran Cillian Claire Clara
        Clare Clive Colin Connor Conor Courtney Craig Cristian Dalia Damian Daniel Daniela Danielle Daniyal Danny Daria Darius
        Darnell Darren Darcey Darcy David Dawid Dawit Dayo Declan Defne Delroy Demi Denise Deniz Desmond Dev Devorah Dhruv Diana
        Diane Diego Dilan Dionne Diya Dmitri Dominic Dominik Donna Dovid Duaa Dwayne Dylan Ebony Ecrin Edie Edward Eesa Efe Efua
        Ehsan Eileen Eilidh Elena Eli Elif Elijah Elisa Eliza Elizabeth Ella Elle Ellie Elliot Elliott Eloise Elsa Elsie Emanuel
        Eman Emeka Emilia Emilija Emily Emine Emir Emma Emmanuel Emre Enzo Eoin Eren Erin Ermias Errol Esi Esme Esra Esther Ethan
        Euan Eva Evan Evelyn Evie Ewa Ewan Eylul Eyob Ezekiel Ezra Fahad Fahim Fahmida Faisal Farah Farhad Farhana Farid Fartun
        Fatima Fatma Fatuma Felix Femi Filip Filmon Filsan Finlay Finley Finn Fionn Florin Folake Fraser Freddie Freddy Frankie
        Freya Funmi Gabija Gabriel Gabriela Gabriella Gary Gemma George Georgina Gideon Gitty Graham Gurdeep Gurpreet Gustavo Habib
        Habiba Habtom Hafsa Hafsah Haile Hajra Halima Hamid Hamish Hamza Hana Hanna Hannah Harjeet Harleen Harley Haroon Harper
        Harpreet Harriet Harris Harrison Harry Harun Harvey Hassan Hatice Hawa Hawre Hayley Heather Heidi Hekmatullah Helen
        Henry Hiba Hibo Hodan Hollie Huda Hudson Hugo Humaira Husna Hussain Hussein Ian Ibrahim Idris Ieva Ifeoma Ifrah Ikenna Ilyas
        Ilyaas Iman Imani Imogen Imran Inaaya Inaya Ines Inès Ioana Iqra Irfan Irina Isaac Isabel Isabella Isabelle Isaiah Ishaan
        Isla Ismael Ismail Iulia Ivan Izzy Jace Jacob Jack Jackie Jacqueline Jada Jade Jahmal Jai Jake Jakub Jamal Jamel James Jamie
        Jamila Jane Janelle Janet Jannat Jason Jasmine Jaspal Jaspreet Javad Jawad Jaxon Jayce Jayda Jayden Jaylen Jemima Jenna
        Jennifer Jenny Jenson Jeremiah Jermaine Jerome Jesmin Jessica Jibril Joanna Joanne Jodie Joe Joel John Jonah Jonathan Jose
        José Joseph Josh Joshua Josiah Joao João Juan Judith Julia Julian Julie Julius Justin Kaan Kabir Kacey Kacper Kai Kaiden
        Kaitlyn Kamila Kamran Karan Kareem Karen Karim Karolina Karwan Kate Katherine Kathryn Katie Katarzyna Kavya Kayden Kayla
        Kayode Keegan Keira Keisha Keith Kelly Kelsey Kemar Kerem Kerry Kevin Khadija Khadijah Khalid Kian Kiana Kiara Kidane Kiera
        Kieran Kim Kirsty Kobe Kobina Kofi Kojo Krish Krzysztof Kwabena Kwaku Kwame Kwesi Kyle Kyrie Lacey Laila Larissa Latoya
        Laura Lauren Layla Leah Leanne Leila Lena Leo Leon Leonardo Leroy Leticia Levi Lewis Lexi Liam Lily Lina Linda Linh Lisa
        Logan Lola Lorraine Lottie Louie Louis Louise Luana Luca Lucas Lucia Lucía Lucy Luis Lukas Luke Luna Lydia Lyla Macie
        Madeleine Madison Mahad Mahira Mahmood Mahmoud Maira Maisie Maja Maksim Malachi Malak Malika Malka Manjit Manpreet Marcia
        Marco Marcus Margaret Maria Mariam Mariana Marie Mariyah Marlon Martha Martin Mary Maryam Mason Mateo Mateusz Matilda
        Matteo Matthew Maya Megan Mehari Mehmet Mehreen Mei Melek Melissa Menachem Merhawi Meron Mia Micah Michael Michal Michał
        Michelle Miguel Mihai Mikael Mila Milena Millie Minh Miriam Mohamad Mohamed Mohammad Mohammed Mollie Molly Mordechai Moses
        Moshe Muhammad Muhammed Mujtaba Mulugeta Murtaza Musa Mustafa Mustafe Mya Mykola Nabil Nadeem Nadia Nahid Najib Nancy Naomi
        Nasir Nasra Nasreen Natalia Natalie Natasha Nathan Nathaniel Naveed Navneet Nazia Neha Neil Nevaeh Ngozi Nia Niall Niamh
        Nicola Nicole Nikita Nikola Nilufa Nimo Nina Noah Noor Nur Nusrat Obinna Oisin Olamide Oleksandr Oliver Olivia Oliwia Ollie
        Olumide Oluwaseun Omar Orla Oscar Oskar Osman Othman Owen Ozan Pablo Paige Pamela Patrick Paul Pauline Pawel Paweł Pedro
        Penelope Peter Phoebe Piotr Priya Rabia Rachel Rafael Rahim Rahma Rahman Rahul Raihan Rakib Rania Rashad Rashed Rashid
        Ravi Rayan Rayyan Rebecca Rebin Reece Reggie Rehan Renee Reuben Reyansh Reza Rhys Riccardo Richard Rihanna Riley Rio Ritika
        Riya Rivka Robel Robert Robyn Rochel Rohan Ronan Ronnie Rory Rosa Rosie Rowan Roxanne Roxy Rukhsana Ruksana Rumana Ruqayyah
        Ruta Ryan Saad Sabbir Sabiha Sabrina Sadia Sadie Safiya Sagal Saida Saif Saima Sajid Salma Salman Sam Samantha Samara
        Sameer Sami Samir Samira Samiullah Samson Samuel Sana Sanaa Sandra Sanjay Santiago Sara Sarah Sayed Scarlett Scott Seamus
        Sean Sebastian Segun Selam Selin Semhar Senait Serena Serkan Seun Shabana Shafiq Shahid Shakil Shamim Shane Shanice
        Shannon Shantelle Sharon Shazia Shira Shirin Shlomo Shmuel Siobhan Simon Simone Simran Sirwan Sofia Sofiya Sohail Sohel
        Sonia Sonny Sophia Sophie Stacey Stanley Stefan Stella Stephanie Stephen Steven Stuart Sukhdev Sulaiman Suleiman Sumaiya
        Sumaya Susan Szymon Tadhg Tahir Tahmid Tahmina Tamim Tamsin Tanisha Tanvir Tanya Tariq Tasneem Tasnim Taslima Tayo Taylor
        Teddy Tegan Temi Teresa Tesfaye Thea Theo Theodore Theresa Thomas Tia Tiago Tiana Tiffany Tilly Timothy Tobenna Tobi Toby
        Tolu Tomasz Tommy Tony Tova Tracey Tremaine Trevor Tristan Tunde Tyler Tyrese Tyrone Umar Usman Uthman Valentina Vanessa
        Vihaan Viktor Viktoria Viktorija Vikram Vlad Wahid Wasim Wayne Wei Weronika Wiktor Wiktoria William Willow Winston Xin
        Yaa Yaakov Yahya Yaqub Yasmin Yasmeen Yaw Yisroel Yitzchok Yonas Yosef Yousef Yousuf Yusuf Yvonne Zac Zach Zachary Zack
        Zahra Zain Zainab Zak Zakaria Zakariya Zara Zayan Zayn Zeynep Zofia Zoe Zoë Zubair Zubayr Zuzanna Daisy Violet Hazel Ivy
        Iris Skye Tom Tommy Kim Marianne Kirstie Ria Munsur Chaya Esme Eleanor Emilie Lara Lucie Naima Nadine Bethan Gracie Mollie Jasmin Safa Marwa Eva
        """;

    // The examples (Will, May, June, Grace, Hope, Faith, Rose, Mark, Bill, Pat, Joy, Summer, Amber, Jade, Ruby,
    // Dawn, Holly), and more of the same: virtues, seasons, places and short forms that start sentences and headings.
    private const string AlsoWords = """
        Will May June April August Jan Grace Hope Faith Rose Mark Bill Pat Joy Summer Amber Jade Ruby Dawn Holly Olive Poppy
        Autumn Winter Sky River Storm Rain Ocean Raven Wren Robin Sage Sunny Chase Hunter Penny Sandy Frank Guy Rob Sue Don Ray
        Carol Crystal Destiny Harmony Honour Honor Star Angel Precious Blessing Miracle Justice Liberty Patience Charity Mercy
        Unity Favour Gift Wisdom Peace Promise Victory Comfort Divine Prince Princess Junior Major Dean Drew Miles Max Jay Nick
        Art Kit Jo Al Ed Mo Lee Dale Glen Cliff Rich Chance Hero Reign Phoenix Eden Genesis Trinity India Jordan Georgia Chelsea
        Florence Paris Sydney Israel Asia Victoria Albert Lincoln Austin Devon Christian Eve Ash Rocky Lucky Pearl Brook Hunter
        """;

    private static readonly HashSet<string> NameSet = new(Names.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    private static readonly HashSet<string> AlsoWordSet = new(AlsoWords.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public static GivenNameKind Classify(string word)
    {
        // "Mary-Jane" and "Jayden-Lee" are looked up by their first part.
        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        var name = hyphen > 0 ? word[..hyphen] : word;
        if (AlsoWordSet.Contains(name))
            return GivenNameKind.AlsoAWord;
        return NameSet.Contains(name) ? GivenNameKind.Name : GivenNameKind.NotAName;
    }

    public static int Count => NameSet.Count + AlsoWordSet.Count;
}
